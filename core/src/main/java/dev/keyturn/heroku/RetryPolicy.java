package dev.keyturn.heroku;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter for 429 and 5xx responses and timeouts.
 *
 * @param maxAttempts attempts in total, the first included (at least 1)
 * @param baseDelay the delay cap of the first retry; doubles with each retry
 * @param maxDelay the largest delay between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /**
   * How long to wait before the attempt after {@code failedAttempt} (1-based): a random duration
   * between zero and {@code min(maxDelay, baseDelay * 2^(failedAttempt-1))}, so that callers that
   * failed together do not retry together.
   */
  public Duration delayAfter(int failedAttempt, RandomGenerator random) {
    long cap = ceiling(failedAttempt).toMillis();
    return cap <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(cap + 1));
  }

  /** The upper bound of {@link #delayAfter}. */
  public Duration ceiling(int failedAttempt) {
    int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
    long millis = baseDelay.toMillis() << shift;
    if (millis < 0 || millis > maxDelay.toMillis()) {
      return maxDelay;
    }
    return Duration.ofMillis(millis);
  }

  /**
   * Honours a server's {@code Retry-After} when it asks for longer than the jittered backoff, in
   * full: retrying sooner only earns another 429. Whether there is time to wait that long is the
   * caller's decision ({@link HerokuSettings#remainingTime()}).
   */
  public Duration delayAfter(int failedAttempt, RandomGenerator random, Duration retryAfter) {
    Duration jittered = delayAfter(failedAttempt, random);
    if (retryAfter == null || retryAfter.compareTo(jittered) <= 0) {
      return jittered;
    }
    return retryAfter;
  }
}
