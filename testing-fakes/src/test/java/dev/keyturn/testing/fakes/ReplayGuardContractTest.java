package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.ReplayGuard.Claim;
import dev.keyturn.state.dynamodb.DynamoReplayGuard;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeReplayGuard} and {@link DynamoReplayGuard} held to one contract. */
@WithLocalAws
class ReplayGuardContractTest {

  static final Duration PENDING = Duration.ofSeconds(10);
  static final Duration TTL = Duration.ofMinutes(10);

  /** Mid-second, so the whole-second expiries show. */
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(400);

  abstract static class Contract {

    final ReplayGuard guard;
    final String source = StateTables.unique("stripe");

    Contract(ReplayGuard guard) {
      this.guard = guard;
    }

    Claim claim(String key, String claimant, Instant at) {
      return guard.claim(source, key, claimant, at, at.plus(PENDING));
    }

    @Test
    void firstClaim_isClaimed_andAnotherRequestsClaim_isPendingUntilTheEndOfTheFirst() {
      assertThat(claim("k", "req-a", NOW)).isInstanceOf(Claim.Claimed.class);

      assertThat(claim("k", "req-b", NOW.plusSeconds(2)))
          .isEqualTo(new Claim.Pending(NOW.plus(PENDING)));
    }

    @Test
    void keys_areSeparatePerSource() {
      claim("k", "req-a", NOW);

      assertThat(guard.claim(source + "-other", "k", "req-b", NOW, NOW.plus(PENDING)))
          .isInstanceOf(Claim.Claimed.class);
      assertThat(claim("k2", "req-b", NOW)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void sameClaimantAgain_whilePending_isItsOwnClaim_notADuplicate() {
      claim("k", "req-a", NOW);

      assertThat(claim("k", "req-a", NOW.plusMillis(300))).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void pendingClaim_expiresInWholeSeconds_theEndRoundedUp_thenAnotherTakesIt() {
      claim("k", "req-a", NOW);
      // the end, NOW + 10 s, rounded up to a whole second; the claim lasts through that second
      Instant lastSecond = NOW.plus(PENDING).plusMillis(1_599);

      assertThat(claim("k", "req-b", lastSecond)).isInstanceOf(Claim.Pending.class);
      assertThat(claim("k", "req-b", lastSecond.plusMillis(1))).isInstanceOf(Claim.Claimed.class);
      assertThat(guard.complete(source, "k", "req-a", lastSecond, TTL))
          .as("the first claimant no longer owns it")
          .isFalse();
      assertThat(guard.release(source, "k", "req-a")).isFalse();
    }

    @Test
    void completedClaim_isDone_forAnyClaimant_untilItsTtlRanOut_inWholeSeconds() {
      claim("k", "req-a", NOW);
      assertThat(guard.complete(source, "k", "req-a", NOW, TTL)).isTrue();

      assertThat(claim("k", "req-a", NOW.plusSeconds(1))).isInstanceOf(Claim.Done.class);
      assertThat(claim("k", "req-b", NOW.plus(TTL).plusMillis(599)))
          .as("still the expiry's second")
          .isInstanceOf(Claim.Done.class);
      assertThat(claim("k", "req-b", NOW.plus(TTL).plusMillis(600)))
          .as("the second after")
          .isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void complete_isRepeatable_byItsClaimant_andRefusedToOthersAndForUnknownKeys() {
      claim("k", "req-a", NOW);

      assertThat(guard.complete(source, "k", "req-b", NOW, TTL)).isFalse();
      assertThat(guard.complete(source, "k", "req-a", NOW, TTL)).isTrue();
      assertThat(guard.complete(source, "k", "req-a", NOW.plusSeconds(1), TTL))
          .as("an SDK retry of a completion that succeeded")
          .isTrue();
      assertThat(guard.complete(source, "never-claimed", "req-a", NOW, TTL)).isFalse();
    }

    @Test
    void complete_ofAnExpiredClaimNobodyTook_stillSucceeds() {
      claim("k", "req-a", NOW);

      assertThat(guard.complete(source, "k", "req-a", NOW.plus(PENDING).plusSeconds(5), TTL))
          .isTrue();
      assertThat(claim("k", "req-b", NOW.plus(PENDING).plusSeconds(6)))
          .isInstanceOf(Claim.Done.class);
    }

    @Test
    void release_freesItsClaimantsPendingClaim_andIsRepeatable() {
      claim("k", "req-a", NOW);

      assertThat(guard.release(source, "k", "req-a")).isTrue();
      assertThat(guard.release(source, "k", "req-a")).as("absent releases as done").isTrue();
      assertThat(claim("k", "req-b", NOW.plusSeconds(1))).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void release_leavesAnotherRequestsClaim_andADoneOne() {
      claim("k", "req-a", NOW);
      assertThat(guard.release(source, "k", "req-b")).isFalse();
      guard.complete(source, "k", "req-a", NOW, TTL);
      assertThat(guard.release(source, "k", "req-a")).isFalse();

      assertThat(claim("k", "req-c", NOW.plusSeconds(1))).isInstanceOf(Claim.Done.class);
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeReplayGuard());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoReplayGuard(StateTables.of(dynamoDb)));
    }
  }
}
