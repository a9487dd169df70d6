package dev.keyturn.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(700));

  @Test
  void ceiling_doublesPerRetry_untilMaxDelay() {
    assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.ceiling(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.ceiling(4)).isEqualTo(Duration.ofMillis(700));
    assertThat(policy.ceiling(60)).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void delayAfter_staysWithinCeiling_andVaries() {
    RandomGenerator random = new SplittableRandom(7);
    java.util.Set<Duration> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration d = policy.delayAfter(3, random);
      assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(400));
      seen.add(d);
    }
    assertThat(seen).as("jitter spreads retries").hasSizeGreaterThan(20);
  }

  @Test
  void delayAfter_honoursALongerRetryAfter_inFull_notCappedAtMaxDelay() {
    RandomGenerator random = new SplittableRandom(1);
    assertThat(policy.delayAfter(1, random, Duration.ofMillis(500)))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayAfter(1, random, Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void constructor_rejectsZeroAttempts() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
