package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.Publication;
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

    @Test
    void confirmRelease_ofAnUnrecordedRelease_confirmsReleasePendingVarsPublishedBeforeIt() {
      store.recordPublished(
          app,
          List.of(
              var("A", "v1", null, null),
              new VarState(app, "LATER", "RX_LATER", "v1", null, null, NOW.plusSeconds(60), null)));

      assertThat(store.confirmRelease(app, "rel-9", NOW.plusSeconds(5)))
          .isEqualTo(ReleaseConfirmation.CONFIRMED);
      assertThat(store.confirmRelease(app, "rel-9", NOW.plusSeconds(6)))
          .isEqualTo(ReleaseConfirmation.ALREADY_CONFIRMED);
      assertThat(store.vars(app).get("A").releaseId()).isEqualTo("rel-9");
      assertThat(store.vars(app).get("A").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(store.vars(app).get("LATER").releasePending()).isTrue();
    }

    @Test
    void failRelease_marksTheReleasesUnconfirmedVars_whichThenNeverConfirm() {
      store.recordPublished(app, List.of(var("A", "v1", "rel-1", 1), var("B", "v1", "rel-2", 2)));

      assertThat(store.failRelease(app, "rel-1", NOW.plusSeconds(5))).isTrue();
      assertThat(store.failRelease(app, "rel-9", NOW)).isFalse();
      assertThat(store.confirmRelease(app, "rel-1", NOW.plusSeconds(6)))
          .isEqualTo(ReleaseConfirmation.ALREADY_CONFIRMED);

      assertThat(store.vars(app).get("A").releaseFailedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(store.vars(app).get("A").confirmedAt()).isNull();
      assertThat(store.vars(app).get("B").releaseFailedAt()).isNull();
    }

    @Test
    void failRelease_leavesAConfirmedVarConfirmed() {
      store.recordPublished(app, List.of(var("A", "v1", "rel-1", 1)));
      store.confirmRelease(app, "rel-1", NOW.plusSeconds(5));

      store.failRelease(app, "rel-1", NOW.plusSeconds(6));

      assertThat(store.vars(app).get("A").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(store.vars(app).get("A").releaseFailedAt()).isNull();
    }

    @Test
    void publication_isPublishedWhenEveryTargetHasTheVersion_andConfirmedWhenHerokuConfirmedIt() {
      String github = "github:" + app + "/repo";
      String other = app + "-other";
      store.recordPublished(
          app,
          List.of(
              new VarState(app, "TOKEN", "RX_TOKEN", "v2", "rel-1", 1, NOW, null),
              new VarState(app, "OLD_TOKEN", "RX_TOKEN", "v2", "rel-1", 1, NOW, null),
              new VarState(app, "UNRELATED", "RX_OTHER", "v9", "rel-1", 1, NOW, null)));
      store.recordPublished(
          github,
          List.of(
              new VarState(
                  github, "TOKEN", "RX_TOKEN", "v2", null, null, NOW, null, "h1:x", null)));
      store.recordPublished(
          other, List.of(new VarState(other, "TOKEN", "RX_TOKEN", "v1", "rel-7", 7, NOW, null)));

      var partly = store.publication("RX_TOKEN", "v2", List.of(app, github, other));
      assertThat(partly.published()).isFalse();
      assertThat(partly.stages())
          .containsEntry(app, Publication.Stage.PUBLISHED)
          .containsEntry(github, Publication.Stage.CONFIRMED)
          .containsEntry(other, Publication.Stage.UNPUBLISHED);

      var published = store.publication("RX_TOKEN", "v2", List.of(app, github));
      assertThat(published.published()).isTrue();
      assertThat(published.confirmed()).isFalse();

      store.confirmRelease(app, "rel-1", NOW.plusSeconds(5));
      assertThat(store.publication("RX_TOKEN", "v2", List.of(app, github)).confirmed()).isTrue();
      assertThat(store.publication("RX_TOKEN", "v1", List.of(app)).stages())
          .as("another version is not published")
          .containsEntry(app, Publication.Stage.UNPUBLISHED);
    }

    @Test
    void publication_ofAFailedRelease_isPublishedButNeverConfirmed() {
      store.recordPublished(app, List.of(var("A", "v1", "rel-1", 1)));
      store.failRelease(app, "rel-1", NOW.plusSeconds(5));

      var p = store.publication("RX_A", "v1", List.of(app));

      assertThat(p.published()).isTrue();
      assertThat(p.confirmed()).isFalse();
      assertThat(p.failedTargets()).containsExactly(app);
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
