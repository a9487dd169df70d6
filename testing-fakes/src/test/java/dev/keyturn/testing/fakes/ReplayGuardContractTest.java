package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.ReplayRelease;
import dev.keyturn.state.dynamodb.DynamoReplayGuard;
import dev.keyturn.state.dynamodb.DynamoReplayRelease;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link FakeReplayGuard} and {@link DynamoReplayGuard} with {@link DynamoReplayRelease} held to
 * one contract.
 */
@WithLocalAws
class ReplayGuardContractTest {

  static final Duration TTL = Duration.ofMinutes(10);

  /** Mid-second, so the whole-second expiry shows. */
  static final Instant NOW =
      Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusMillis(400);

  abstract static class Contract {

    final ReplayGuard guard;
    final ReplayRelease release;
    final String source = StateTables.unique("stripe");

    /** {@code guardAndRelease}: the guard, and the release over the same records. */
    Contract(Map.Entry<ReplayGuard, ReplayRelease> guardAndRelease) {
      this.guard = guardAndRelease.getKey();
      this.release = guardAndRelease.getValue();
    }

    @Test
    void firstSeen_isTrueOnce_withinTheTtl_perSource() {
      assertThat(guard.firstSeen(source, "sha256:ab", NOW, TTL)).isTrue();
      assertThat(guard.firstSeen(source, "sha256:ab", NOW.plusSeconds(60), TTL)).isFalse();
      assertThat(guard.firstSeen(source, "sha256:cd", NOW.plusSeconds(60), TTL)).isTrue();
      assertThat(guard.firstSeen(source + "-other", "sha256:ab", NOW, TTL)).isTrue();
    }

    @Test
    void firstSeen_countsTheTtlInWholeSeconds_andIsTrueAgainOnceItRanOut() {
      assertThat(guard.firstSeen(source, "k", NOW, TTL)).isTrue();

      assertThat(guard.firstSeen(source, "k", NOW.plus(TTL).plusMillis(599), TTL))
          .as("still the expiry's second")
          .isFalse();
      assertThat(guard.firstSeen(source, "k", NOW.plus(TTL).plusMillis(600), TTL))
          .as("the second after")
          .isTrue();
      assertThat(guard.firstSeen(source, "k", NOW.plus(TTL).plusSeconds(1), TTL))
          .as("a new TTL runs from the new record")
          .isFalse();
    }

    @Test
    void release_forgetsTheKey_andIsANoOpForAnUnknownOne() {
      guard.firstSeen(source, "k", NOW, TTL);

      release.release(source, "k");
      release.release(source, "never-seen");

      assertThat(guard.firstSeen(source, "k", NOW.plusSeconds(1), TTL)).isTrue();
      assertThat(guard.firstSeen(source, "k", NOW.plusSeconds(2), TTL)).isFalse();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(both(new FakeReplayGuard()));
    }

    private static Map.Entry<ReplayGuard, ReplayRelease> both(FakeReplayGuard fake) {
      return Map.entry(fake, fake);
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(
          Map.entry(
              new DynamoReplayGuard(StateTables.of(dynamoDb)),
              new DynamoReplayRelease(StateTables.of(dynamoDb))));
    }
  }
}
