package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.SyncStateStore.ReleaseConfirmation;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.state.dynamodb.DynamoSyncStateStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeSyncStateStore} and {@link DynamoSyncStateStore} held to one contract. */
@WithLocalAws
class SyncStateStoreContractTest {

  abstract static class Contract {

    final SyncStateStore store;
    final String app = StateTables.unique("app");

    Contract(SyncStateStore store) {
      this.store = store;
    }

    VarState var(String name, String version, String release, Integer releaseVersion) {
      return new VarState(app, name, "RX_" + name, version, release, releaseVersion, NOW, null);
    }

    @Test
    void vars_areWhatWasPublished_byNameInNameOrder_andARepublishReplacesTheVar() {
      store.recordPublished(
          app, List.of(var("ZED", "v1", "rel-1", 7), var("ALPHA", "3", "rel-1", 7)));
      store.recordPublished(app, List.of(var("ZED", "v2", "rel-2", 8)));

      assertThat(store.vars(app)).containsOnlyKeys("ALPHA", "ZED");
      assertThat(List.copyOf(store.vars(app).keySet())).containsExactly("ALPHA", "ZED");
      assertThat(store.vars(app).get("ZED")).isEqualTo(var("ZED", "v2", "rel-2", 8));
      assertThat(store.vars(app).get("ALPHA")).isEqualTo(var("ALPHA", "3", "rel-1", 7));
      assertThat(store.vars(app + "-other")).isEmpty();
    }

    @Test
    void forget_dropsOnlyTheNamedVars() {
      store.recordPublished(app, List.of(var("A", "v1", "rel-1", 1), var("B", "v1", "rel-1", 1)));

      store.forget(app, List.of("A", "NEVER_PUBLISHED"));

      assertThat(store.vars(app)).containsOnlyKeys("B");
    }

    @Test
    void confirmRelease_confirmsEveryVarOfTheReleaseOnce_andKnowsNoOtherRelease() {
      store.recordPublished(
          app,
          List.of(
              var("A", "v1", "rel-1", 1), var("B", "v1", "rel-1", 1), var("C", "v1", "rel-0", 0)));

      ReleaseConfirmation first = store.confirmRelease(app, "rel-1", NOW.plusSeconds(5));
      ReleaseConfirmation again = store.confirmRelease(app, "rel-1", NOW.plusSeconds(9));

      assertThat(first).isEqualTo(ReleaseConfirmation.CONFIRMED);
      assertThat(again).isEqualTo(ReleaseConfirmation.ALREADY_CONFIRMED);
      assertThat(store.confirmRelease(app, "rel-9", NOW)).isEqualTo(ReleaseConfirmation.UNKNOWN);
      assertThat(store.confirmRelease(app + "-other", "rel-1", NOW))
          .isEqualTo(ReleaseConfirmation.UNKNOWN);
      assertThat(store.vars(app).get("A").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(store.vars(app).get("B").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(store.vars(app).get("C").confirmedAt()).isNull();
    }

    @Test
    void confirmRelease_ofAnOlderRelease_doesNotConfirmAVarRepublishedSince() {
      store.recordPublished(app, List.of(var("A", "v1", "rel-1", 1)));
      store.recordPublished(app, List.of(var("A", "v2", "rel-2", 2)));

      assertThat(store.confirmRelease(app, "rel-1", NOW)).isEqualTo(ReleaseConfirmation.UNKNOWN);
      assertThat(store.vars(app).get("A").confirmedAt()).isNull();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeSyncStateStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoSyncStateStore(StateTables.of(dynamoDb)));
    }
  }
}
