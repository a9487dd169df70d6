package dev.keyturn.rotate.protocol;

import java.time.Duration;

/**
 * How hard setSecret tries to store a value a vendor has just issued.
 *
 * @param attempts PutSecretValue attempts in total (at least 1)
 * @param firstBackoff the wait after the first failure; it doubles after each further one
 * @param sleeper how to wait
 */
public record IssuedValueRetry(int attempts, Duration firstBackoff, Sleeper sleeper) {

  /** Four attempts, 200 ms apart and doubling: about 1.4 s in all, well inside a Lambda timeout. */
  public static IssuedValueRetry standard() {
    return new IssuedValueRetry(4, Duration.ofMillis(200), Sleeper.threadSleep());
  }
}
