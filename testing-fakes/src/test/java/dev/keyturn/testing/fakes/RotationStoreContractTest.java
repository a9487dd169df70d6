package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationRecord.StepUpdate;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeRotationStore} and {@link DynamoRotationStore} held to one contract. */
@WithLocalAws
class RotationStoreContractTest {

  abstract static class Contract {

    final RotationStore store;
    final String secret = StateTables.unique("RX_ROT");

    Contract(RotationStore store) {
      this.store = store;
    }

    @Test
    void recordStep_keepsTheFirstStart_theLastStepAndStatus_andTheTimeOfEachOkStep() {
      store.recordStep(new StepUpdate(secret, "tok", "createSecret", "ok", NOW, null));
      store.recordStep(
          new StepUpdate(secret, "tok", "setSecret", "failed", NOW.plusSeconds(1), "VendorX"));

      RotationRecord failed = store.rotation(secret, "tok").orElseThrow();
      assertThat(failed.step()).isEqualTo("setSecret");
      assertThat(failed.status()).isEqualTo("failed");
      assertThat(failed.error()).isEqualTo("VendorX");
      assertThat(failed.startedAt()).isEqualTo(NOW);
      assertThat(failed.updatedAt()).isEqualTo(NOW.plusSeconds(1));
      assertThat(failed.stepTimes()).isEqualTo(Map.of("createSecret", NOW));

      store.recordStep(new StepUpdate(secret, "tok", "setSecret", "ok", NOW.plusSeconds(2), null));

      RotationRecord ok = store.rotation(secret, "tok").orElseThrow();
      assertThat(ok.status()).isEqualTo("ok");
      assertThat(ok.error()).as("an update without error clears it").isNull();
      assertThat(ok.startedAt()).isEqualTo(NOW);
      assertThat(ok.stepTimes())
          .isEqualTo(Map.of("createSecret", NOW, "setSecret", NOW.plusSeconds(2)));
      assertThat(ok.secretName()).isEqualTo(secret);
      assertThat(ok.token()).isEqualTo("tok");
    }

    @Test
    void rotation_isEmpty_forARunNeverRecorded() {
      store.recordStep(new StepUpdate(secret, "tok", "createSecret", "ok", NOW, null));

      assertThat(store.rotation(secret, "other")).isEmpty();
      assertThat(store.rotation(secret + "-other", "tok")).isEmpty();
    }

    @Test
    void recordRotated_setsTheLastRotation_whichALaterOneReplaces() {
      assertThat(store.lastRotated(secret)).isEmpty();

      store.recordRotated(secret, "tok-1", "v1", NOW);
      store.recordRotated(secret, "tok-2", "v2", NOW.plusSeconds(60));

      assertThat(store.lastRotated(secret)).contains(NOW.plusSeconds(60));
      assertThat(store.rotation(secret, "tok-2"))
          .as("recording the rotation leaves the run's record alone")
          .isEmpty();
    }
  }

  abstract static class LifecycleContract extends Contract {

    LifecycleContract(RotationStore store) {
      super(store);
    }

    void complete(String token, String version) {
      store.recordStep(new StepUpdate(secret, token, "finishSecret", "ok", NOW, null));
      store.recordStep(new StepUpdate(secret, token, "finishSecret", "completed", NOW, null));
      store.recordRotated(secret, token, version, NOW);
    }

    @Test
    void completing_aRun_startsItsLifeCycleAtFinished_withTheCompletionTime() {
      store.recordStep(new StepUpdate(secret, "tok", "finishSecret", "ok", NOW, null));
      assertThat(store.rotation(secret, "tok").orElseThrow().stage())
          .as("a run that has not completed has no stage")
          .isNull();

      complete("tok", "tok");

      RotationRecord run = store.rotation(secret, "tok").orElseThrow();
      assertThat(run.stage()).isEqualTo(LifecycleStage.FINISHED);
      assertThat(run.stageTimes()).isEqualTo(Map.of(LifecycleStage.FINISHED, NOW));
      assertThat(run.stageSince()).isEqualTo(NOW);
    }

    @Test
    void advance_movesForward_recordingEachStagesTime() {
      complete("tok", "tok");

      assertThat(store.advance(secret, "tok", LifecycleStage.PUBLISHED, NOW.plusSeconds(10)))
          .contains(LifecycleStage.PUBLISHED);
      assertThat(store.advance(secret, "tok", LifecycleStage.CONFIRMED, NOW.plusSeconds(20)))
          .contains(LifecycleStage.CONFIRMED);

      RotationRecord run = store.rotation(secret, "tok").orElseThrow();
      assertThat(run.stage()).isEqualTo(LifecycleStage.CONFIRMED);
      assertThat(run.stageTimes())
          .isEqualTo(
              Map.of(
                  LifecycleStage.FINISHED, NOW,
                  LifecycleStage.PUBLISHED, NOW.plusSeconds(10),
                  LifecycleStage.CONFIRMED, NOW.plusSeconds(20)));
      assertThat(run.stageSince()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void advance_neverGoesBack_andARepeatKeepsTheFirstTime() {
      complete("tok", "tok");
      store.advance(secret, "tok", LifecycleStage.CONFIRMED, NOW.plusSeconds(20));

      assertThat(store.advance(secret, "tok", LifecycleStage.PUBLISHED, NOW.plusSeconds(30)))
          .as("a late writer finds the run further on")
          .contains(LifecycleStage.CONFIRMED);
      assertThat(store.advance(secret, "tok", LifecycleStage.CONFIRMED, NOW.plusSeconds(40)))
          .contains(LifecycleStage.CONFIRMED);

      RotationRecord run = store.rotation(secret, "tok").orElseThrow();
      assertThat(run.stage()).isEqualTo(LifecycleStage.CONFIRMED);
      assertThat(run.stageTimes().get(LifecycleStage.CONFIRMED)).isEqualTo(NOW.plusSeconds(20));
      assertThat(run.stageTimes()).doesNotContainKey(LifecycleStage.PUBLISHED);
    }

    @Test
    void advance_isRefused_forARunThatHasNotCompleted_orDoesNotExist() {
      store.recordStep(new StepUpdate(secret, "tok", "setSecret", "ok", NOW, null));

      assertThat(store.advance(secret, "tok", LifecycleStage.PUBLISHED, NOW)).isEmpty();
      assertThat(store.advance(secret, "none", LifecycleStage.PUBLISHED, NOW)).isEmpty();
      assertThat(store.rotation(secret, "tok").orElseThrow().stage()).isNull();
      assertThat(store.rotation(secret, "none")).isEmpty();
    }

    @Test
    void latest_isTheLastRecordedRotation_withItsVersionAndRun() {
      assertThat(store.latest(secret)).isEmpty();
      complete("tok-1", "1");
      complete("tok-2", "2");
      store.advance(secret, "tok-2", LifecycleStage.PUBLISHED, NOW.plusSeconds(5));

      LastRotation latest = store.latest(secret).orElseThrow();
      assertThat(latest.token()).isEqualTo("tok-2");
      assertThat(latest.versionId()).isEqualTo("2");
      assertThat(latest.run().stage()).isEqualTo(LifecycleStage.PUBLISHED);
    }

    @Test
    void stuck_isACompletedRunNotConfirmedPastTheDeadline() {
      complete("tok", "tok");
      Duration day = Duration.ofHours(24);

      RotationRecord finished = store.rotation(secret, "tok").orElseThrow();
      assertThat(finished.stuck(NOW.plus(day), day)).isFalse();
      assertThat(finished.stuck(NOW.plus(day).plusSeconds(1), day)).isTrue();

      store.advance(secret, "tok", LifecycleStage.CONFIRMED, NOW.plusSeconds(60));
      assertThat(
              store.rotation(secret, "tok").orElseThrow().stuck(NOW.plus(day.multipliedBy(2)), day))
          .isFalse();
    }
  }

  @Nested
  class Fake extends LifecycleContract {
    Fake() {
      super(new FakeRotationStore());
    }
  }

  @Nested
  class Dynamo extends LifecycleContract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoRotationStore(StateTables.of(dynamoDb)));
    }
  }
}
