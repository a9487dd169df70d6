package dev.keyturn.rotate.protocol;

import dev.keyturn.secrets.SecretStages;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a value a vendor has just issued as the AWSPENDING version, retrying in-process: the value
 * exists nowhere else, and the vendor has usually invalidated the old one, so giving up early would
 * lose the credential. Repeating PutSecretValue with the same token and value is idempotent.
 */
final class IssuedValueWriter {

  private static final Logger LOG = LoggerFactory.getLogger(IssuedValueWriter.class);

  private final SecretStages secrets;
  private final int attempts;
  private final Duration firstBackoff;
  private final Sleeper sleeper;

  IssuedValueWriter(SecretStages secrets, int attempts, Duration firstBackoff, Sleeper sleeper) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.secrets = secrets;
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.sleeper = sleeper;
  }

  /**
   * @throws IssuedValueNotStoredException when every attempt failed
   */
  void store(StepContext c, String issuedValue) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        secrets.putPending(c.secretId(), c.token(), issuedValue, c.event().rotationToken());
        return;
      } catch (RuntimeException failed) {
        last = failed;
        LOG.warn(
            "storing the vendor-issued value of {} version {} failed (attempt {} of {}): {}",
            c.name(),
            c.token(),
            attempt,
            attempts,
            ErrorNames.describe(failed));
        if (attempt < attempts) {
          sleeper.sleep(firstBackoff.multipliedBy(1L << (attempt - 1)));
        }
      }
    }
    IssuedValueNotStoredException lost =
        new IssuedValueNotStoredException(c.name(), c.token(), attempts);
    lost.addSuppressed(last);
    LOG.error("{}", lost.getMessage());
    throw lost;
  }
}
