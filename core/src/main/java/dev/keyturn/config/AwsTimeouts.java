package dev.keyturn.config;

import java.time.Duration;

/**
 * How long an AWS SDK call may take: each attempt (the SDK retries a timed-out attempt) and the
 * whole call. The defaults suit AWS; a busy machine running local emulators needs longer ones
 * ({@code keyturn demo} sets its own), which is why they are settings.
 *
 * @param attempt one HTTP attempt, also the socket read timeout
 * @param call the whole call, retries included
 */
public record AwsTimeouts(Duration attempt, Duration call) {

  public static final AwsTimeouts DEFAULT =
      new AwsTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));

  public AwsTimeouts {
    if (attempt.isNegative() || attempt.isZero() || call.compareTo(attempt) < 0) {
      throw new IllegalArgumentException(
          "AWS timeouts: the attempt timeout must be positive and no longer than the call timeout");
    }
  }
}
