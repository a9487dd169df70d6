package dev.keyturn.secrets;

import java.util.Map;

/** Creates a Secrets Manager secret with a first value, once (first-time generation, the demo). */
public interface SecretCreator {

  /**
   * Creates the secret with {@code value} at AWSCURRENT and the given tags, unless it exists. Safe
   * to repeat: a secret that already holds exactly this value is success.
   *
   * @throws SourceExistsException when the secret exists with another value (nothing is changed)
   */
  Creation createIfAbsent(String name, String value, Map<String, String> tags);
}
