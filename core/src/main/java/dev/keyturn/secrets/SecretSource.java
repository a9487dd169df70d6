package dev.keyturn.secrets;

import dev.keyturn.inventory.Source;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads secret values from where they live. Always by explicit stage or version. */
public interface SecretSource {

  /**
   * The current values of many sources, batched (Secrets Manager {@code BatchGetSecretValue} at
   * most 20 per call at AWSCURRENT, SSM {@code GetParameters} at most 10 per call, decrypted).
   *
   * @return values by source; a source that does not exist is absent from the map
   */
  Map<Source, SecretValue> current(Collection<Source> sources);

  /**
   * {@link #current}, and the sources that exist but could not be read with the service's reason (a
   * {@code BatchGetSecretValue} answers per-secret errors next to the values it could read), so a
   * caller can report them by name and reason instead of as missing.
   */
  default SecretReads read(Collection<Source> sources) {
    return SecretReads.of(current(sources));
  }

  /**
   * Every live version of a Secrets Manager secret, in the order AWSCURRENT, AWSPENDING,
   * AWSPREVIOUS (those that exist). For SSM, the current value only.
   */
  List<SecretValue> liveVersions(Source source);
}
