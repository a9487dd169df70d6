package dev.keyturn.secrets;

import java.util.Optional;

/** Reads a Secrets Manager secret's metadata: ARN, rotation settings, version labels. */
public interface SecretDescriber {

  /**
   * @param secretId name or ARN
   * @return empty when the secret does not exist
   */
  Optional<SecretDescription> describe(String secretId);

  /**
   * @throws SecretNotFoundException when the secret does not exist
   */
  default SecretDescription require(String secretId) {
    return describe(secretId).orElseThrow(() -> new SecretNotFoundException(secretId));
  }
}
