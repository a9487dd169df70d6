package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.LeaseStore.Lease;
import dev.keyturn.state.dynamodb.DynamoLeaseStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeLeaseStore} and {@link DynamoLeaseStore} held to one contract. */
@WithLocalAws
class LeaseStoreContractTest {

  static final Duration TTL = Duration.ofSeconds(30);

  abstract static class Contract {

    final LeaseStore leases;
    final String resource = StateTables.unique("heroku#app");

    Contract(LeaseStore leases) {
      this.leases = leases;
    }

    @Test
    void acquire_givesTheLeaseToOneOwner_untilItRunsOut() {
      Lease first = leases.acquire(resource, "a", TTL, NOW).orElseThrow();

      assertThat(first).isEqualTo(new Lease(resource, "a", NOW.plus(TTL), 1));
      assertThat(leases.acquire(resource, "b", TTL, NOW.plusSeconds(1))).isEmpty();
      assertThat(leases.acquire(resource, "b", TTL, NOW.plus(TTL)))
          .as("held through its last millisecond")
          .isEmpty();
      assertThat(leases.acquire(resource, "b", TTL, NOW.plus(TTL).plusMillis(1)))
          .contains(new Lease(resource, "b", NOW.plus(TTL).plusMillis(1).plus(TTL), 2));
    }

    @Test
    void acquire_again_byTheHolder_returnsTheLeaseItHolds() {
      leases.acquire(resource, "a", TTL, NOW).orElseThrow();

      assertThat(leases.acquire(resource, "a", TTL, NOW.plusSeconds(5)))
          .contains(new Lease(resource, "a", NOW.plus(TTL), 1));
    }

    @Test
    void release_freesTheLease_onlyWhileTheReleasingOwnerHoldsIt() {
      Lease first = leases.acquire(resource, "a", TTL, NOW).orElseThrow();
      Lease takeover =
          leases.acquire(resource, "b", TTL, NOW.plus(TTL).plusSeconds(1)).orElseThrow();

      leases.release(first);
      assertThat(leases.acquire(resource, "c", TTL, NOW.plus(TTL).plusSeconds(2)))
          .as("a's release left b's lease alone")
          .isEmpty();

      leases.release(takeover);
      assertThat(leases.acquire(resource, "c", TTL, NOW.plus(TTL).plusSeconds(3))).isPresent();
    }

    @Test
    void version_growsWithEveryHolder_releasedOrTakenOver() {
      Lease a = leases.acquire(resource, "a", TTL, NOW).orElseThrow();
      leases.release(a);
      Lease b = leases.acquire(resource, "b", TTL, NOW.plusSeconds(1)).orElseThrow();
      Lease c = leases.acquire(resource, "c", TTL, NOW.plus(TTL).plusSeconds(2)).orElseThrow();

      assertThat(List.of(a.version(), b.version(), c.version())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void renew_extendsTheHoldersLease_atItsVersion() {
      Lease a = leases.acquire(resource, "a", TTL, NOW).orElseThrow();

      Lease renewed = leases.renew(a, TTL, NOW.plusSeconds(20)).orElseThrow();

      assertThat(renewed).isEqualTo(new Lease(resource, "a", NOW.plusSeconds(20).plus(TTL), 1));
      assertThat(leases.acquire(resource, "b", TTL, NOW.plus(TTL).plusSeconds(1)))
          .as("held until the renewed end")
          .isEmpty();
      assertThat(leases.renew(renewed, TTL, NOW.plusSeconds(25))).isPresent();
    }

    @Test
    void renew_ofALeaseThatRanOutButNobodyTook_stillSucceeds() {
      Lease a = leases.acquire(resource, "a", TTL, NOW).orElseThrow();

      assertThat(leases.renew(a, TTL, NOW.plus(TTL).plusSeconds(10))).isPresent();
    }

    @Test
    void renew_fails_onceASecondHolderTookTheExpiredLease_evenAfterItReleasedIt() {
      Lease slow = leases.acquire(resource, "slow", TTL, NOW).orElseThrow();
      Lease second =
          leases.acquire(resource, "second", TTL, NOW.plus(TTL).plusSeconds(1)).orElseThrow();

      assertThat(leases.renew(slow, TTL, NOW.plus(TTL).plusSeconds(2)))
          .as("fenced while the second holds it")
          .isEmpty();
      leases.release(second);
      assertThat(leases.renew(slow, TTL, NOW.plus(TTL).plusSeconds(3)))
          .as("fenced after the second released it")
          .isEmpty();
      assertThat(leases.acquire(resource, "third", TTL, NOW.plus(TTL).plusSeconds(4)))
          .as("the slow holder's failed renewals took nothing")
          .isPresent();
    }

    @Test
    void renew_failsAfterTheHolderReleasedItsOwnLease() {
      Lease a = leases.acquire(resource, "a", TTL, NOW).orElseThrow();
      leases.release(a);

      assertThat(leases.renew(a, TTL, NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void leases_ofDifferentResources_areIndependent() {
      leases.acquire(resource, "a", TTL, NOW).orElseThrow();

      assertThat(leases.acquire(resource + "-other", "b", TTL, NOW)).isPresent();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeLeaseStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoLeaseStore(StateTables.of(dynamoDb)));
    }
  }
}
