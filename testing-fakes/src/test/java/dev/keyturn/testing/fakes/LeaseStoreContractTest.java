package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.LeaseStore.Lease;
import dev.keyturn.state.dynamodb.DynamoLeaseStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
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

      assertThat(first).isEqualTo(new Lease(resource, "a", NOW.plus(TTL)));
      assertThat(leases.acquire(resource, "b", TTL, NOW.plusSeconds(1))).isEmpty();
      assertThat(leases.acquire(resource, "b", TTL, NOW.plus(TTL)))
          .as("held through its last millisecond")
          .isEmpty();
      assertThat(leases.acquire(resource, "b", TTL, NOW.plus(TTL).plusMillis(1)))
          .contains(new Lease(resource, "b", NOW.plus(TTL).plusMillis(1).plus(TTL)));
    }

    @Test
    void acquire_again_byTheHolder_returnsTheLeaseItHolds() {
      leases.acquire(resource, "a", TTL, NOW).orElseThrow();

      assertThat(leases.acquire(resource, "a", TTL, NOW.plusSeconds(5)))
          .contains(new Lease(resource, "a", NOW.plus(TTL)));
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
