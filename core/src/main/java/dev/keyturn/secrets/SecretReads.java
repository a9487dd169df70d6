package dev.keyturn.secrets;

import dev.keyturn.inventory.Source;
import java.util.Map;

/**
 * What a batched read returned: the values, and the sources that exist but could not be read, with
 * the service's reason (an error code such as {@code AccessDeniedException} or {@code
 * DecryptionFailure}, never a value). A source that does not exist is in neither map.
 *
 * @param values values by source
 * @param failures reason by source, for sources the service refused or failed to read
 */
public record SecretReads(Map<Source, SecretValue> values, Map<Source, String> failures) {

  public SecretReads {
    values = Map.copyOf(values);
    failures = Map.copyOf(failures);
  }

  /** Values only, nothing failed. */
  public static SecretReads of(Map<Source, SecretValue> values) {
    return new SecretReads(values, Map.of());
  }
}
