package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.Revocation;
import dev.keyturn.state.RevocationStore;
import dev.keyturn.state.dynamodb.DynamoRevocationStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeRevocationStore} and {@link DynamoRevocationStore} held to one contract. */
@WithLocalAws
class RevocationStoreContractTest {

  abstract static class Contract {

    final RevocationStore store;
    final String secret = StateTables.unique("RX_HOOK");

    Contract(RevocationStore store) {
      this.store = store;
    }

    Revocation revoked(String version, int secondsLater) {
      return new Revocation(
          secret, version, List.of("AWSPREVIOUS"), "alice", NOW.plusSeconds(secondsLater));
    }

    @Test
    void revocation_isListedForItsSecret_once_recorded() {
      assertThat(store.revocations(secret)).isEmpty();

      store.recordRevocation(revoked("v1", 0));

      assertThat(store.revocations(secret)).containsExactly(revoked("v1", 0));
      assertThat(store.revocations(secret + "_OTHER")).isEmpty();
    }

    @Test
    void recordRevocation_again_keepsTheFirstRecord() {
      store.recordRevocation(revoked("v1", 0));
      store.recordRevocation(revoked("v1", 30));

      assertThat(store.revocations(secret)).extracting(Revocation::revokedAt).containsExactly(NOW);
    }

    @Test
    void revocations_areNewestFirst_andKeepAVersionWithoutStages() {
      store.recordRevocation(revoked("v1", 0));
      store.recordRevocation(new Revocation(secret, "v0", List.of(), "bob", NOW.plusSeconds(60)));

      assertThat(store.revocations(secret))
          .extracting(Revocation::versionId)
          .containsExactly("v0", "v1");
      assertThat(store.revocations(secret).get(0).removedStages()).isEmpty();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeRevocationStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoRevocationStore(StateTables.of(dynamoDb)));
    }
  }
}
