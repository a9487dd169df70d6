package dev.keyturn.webhook.verify;

import java.time.Instant;

/**
 * Secrets Manager cannot be read and the versions a container holds are older than the bound it may
 * verify with: the delivery is refused (503, the sender retries) rather than checked against
 * versions that may have been revoked since. Carries the secret's name, never a value.
 */
public final class StaleSecretVersionsException extends RuntimeException {

  public StaleSecretVersionsException(String secret, Instant fetchedAt, Throwable cause) {
    super("versions of " + secret + " read at " + fetchedAt + " are too old to verify with", cause);
  }
}
