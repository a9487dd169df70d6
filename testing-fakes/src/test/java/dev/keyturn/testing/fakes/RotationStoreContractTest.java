package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationRecord.StepUpdate;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.testing.aws.WithLocalAws;
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

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeRotationStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoRotationStore(StateTables.of(dynamoDb)));
    }
  }
}
