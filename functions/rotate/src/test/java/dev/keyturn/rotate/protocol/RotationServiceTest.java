package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.FINISH_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.SET_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.TEST_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationServiceTest {

  private static final String OLD_KEY = "whsec_" + "b".repeat(43) + "=";

  private final RotationFixture f =
      new RotationFixture(
          Entries.secretsManager(
              "FS_SUPPORT_WEBHOOK", "keyturn/prod/webhook", "hmac-key", Map.of()),
          OLD_KEY);

  @Test
  void rotate_makesTokenCurrent_oldVersionPrevious_andLeavesNoPending() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String token = f.secrets.startRotation();

    f.rotate(token);

    assertThat(f.secrets.stages())
        .containsEntry(token, List.of(Stages.CURRENT))
        .containsEntry(old, List.of(Stages.PREVIOUS));
    assertThat(f.secrets.versionWith(Stages.PENDING)).isEmpty();
    assertThat(OLD_KEY.equals(f.secrets.valueOf(old).orElseThrow()))
        .as("the old version keeps its value")
        .isTrue();
    assertThat(OLD_KEY.equals(f.secrets.valueOf(token).orElseThrow()))
        .as("the new version has a new value")
        .isFalse();
  }

  @Test
  void rotate_recordsEveryStep_andCompletesTheRotationItem() {
    String token = f.secrets.startRotation();

    f.rotate(token);

    RotationRecord record = f.rotations.rotation("FS_SUPPORT_WEBHOOK", token).orElseThrow();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(record.stepTimes().keySet())
        .containsExactlyInAnyOrder("createSecret", "setSecret", "testSecret", "finishSecret");
    assertThat(f.rotations.lastRotated("FS_SUPPORT_WEBHOOK")).isPresent();
    assertThat(f.audit.events())
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("rotation.createSecret", "created"),
            org.assertj.core.groups.Tuple.tuple("rotation.setSecret", "no-vendor"),
            org.assertj.core.groups.Tuple.tuple("rotation.testSecret", "well-formed"),
            org.assertj.core.groups.Tuple.tuple("rotation.finishSecret", "finished"));
  }

  @Test
  void finishSecret_publishesSecretRotated_withNameArnAndVersion_only() {
    String token = f.secrets.startRotation();

    f.rotate(token);

    List<FakeEventPublisher.Published> rotated = f.events.ofType("SecretRotated");
    assertThat(rotated).hasSize(1);
    assertThat(rotated.getFirst().source()).isEqualTo("keyturn.rotate");
    Map<String, Object> detail = Json.map(rotated.getFirst().detailJson());
    assertThat(detail)
        .containsOnlyKeys("secretName", "secretArn", "versionId")
        .containsEntry("secretName", "FS_SUPPORT_WEBHOOK")
        .containsEntry("secretArn", f.secrets.arn())
        .containsEntry("versionId", token);
  }

  @Test
  void everyStep_runTwice_isHarmless() {
    String token = f.secrets.startRotation();

    for (RotationStep step : RotationStep.values()) {
      f.run(step, token);
      f.run(step, token);
    }

    assertThat(f.secrets.versionWith(Stages.CURRENT)).contains(token);
    assertThat(f.secrets.versionWith(Stages.PENDING)).isEmpty();
    assertThat(f.events.ofType("SecretRotated")).hasSize(1);
  }

  @Test
  void createSecret_keepsAnExistingPendingValue() {
    String token = f.secrets.startRotation();
    f.run(CREATE_SECRET, token);
    String first = f.secrets.valueOf(token).orElseThrow();

    StepOutcome again = f.run(CREATE_SECRET, token);

    assertThat(again.outcome()).isEqualTo("already-created");
    assertThat(first.equals(f.secrets.valueOf(token).orElseThrow())).isTrue();
  }

  @Test
  void createSecret_passesTheRotationTokenToPutSecretValue() {
    String token = f.secrets.startRotation();

    f.service.handle(new RotationEvent(CREATE_SECRET, f.secrets.arn(), token, "rot-token-1"));

    assertThat(f.secrets.rotationTokensSeen()).containsExactly("rot-token-1");
  }

  @Test
  void guard_rejectsDisabledRotation_withoutMakingARotationItem() {
    String token = f.secrets.startRotation();
    f.secrets.disableRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(RotationNotEnabledException.class);
    assertThat(f.rotations.runs()).isEmpty();
    assertThat(f.audit.events()).extracting(AuditEvent::outcome).containsExactly("rejected");
    assertThat(f.secrets.valueOf(token)).isEmpty();
  }

  @Test
  void guard_rejectsATokenThatIsNotAVersion() {
    f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, "00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(TokenNotAVersionException.class)
        .hasMessageContaining("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void guard_treatsAnAlreadyCurrentToken_asASuccessfulNoOp() {
    String current = f.secrets.versionWith(Stages.CURRENT).orElseThrow();

    for (RotationStep step : RotationStep.values()) {
      assertThat(f.run(step, current).outcome()).isEqualTo("already-current");
    }
    assertThat(f.secrets.versionWith(Stages.CURRENT)).contains(current);
    assertThat(f.events.published()).isEmpty();
    assertThat(f.rotations.runs()).isEmpty();
  }

  @Test
  void guard_rejectsATokenThatIsOnlyPrevious() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    f.rotate(f.secrets.startRotation());
    f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, old))
        .isInstanceOf(TokenNotPendingException.class);
  }

  @Test
  void handle_rejectsASecretThatIsNotInTheInventory() {
    assertThatThrownBy(() ->
            f.service.handle(new RotationEvent(CREATE_SECRET, "keyturn/prod/unknown", "t", null)))
        .isInstanceOf(UnknownSecretException.class)
        .hasMessageContaining("keyturn/prod/unknown");
  }

  @Test
  void testSecret_rejectsAMalformedPendingValue_andRecordsTheFailure() {
    String token = f.secrets.startRotation();
    f.secretsManager.putPending(f.secrets.arn(), token, "not-a-webhook-key", null);

    assertThatThrownBy(() -> f.run(TEST_SECRET, token))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("FS_SUPPORT_WEBHOOK")
        .hasMessageNotContaining("not-a-webhook-key");
    RotationRecord record = f.rotations.rotation("FS_SUPPORT_WEBHOOK", token).orElseThrow();
    assertThat(record.status()).isEqualTo("failed");
    assertThat(record.error()).contains("MalformedSecretValueException");
  }

  @Test
  void testSecret_failsWhenThePendingVersionHasNoValue() {
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(TEST_SECRET, token))
        .isInstanceOf(PendingValueMissingException.class);
  }

  @Test
  void finishSecret_retriedAfterTheStageMove_completesTheBookkeeping() {
    RotationFixture failing =
        new RotationFixture(
            Entries.secretsManager(
                "FS_SUPPORT_WEBHOOK", "keyturn/prod/webhook", "hmac-key", Map.of()),
            OLD_KEY);
    failing.secretsManager.failNext("removeStage", 1); // the first removal, as a lost connection
    String token = failing.secrets.startRotation();
    failing.run(CREATE_SECRET, token);
    failing.run(SET_SECRET, token);
    failing.run(TEST_SECRET, token);

    assertThatThrownBy(() -> failing.run(FINISH_SECRET, token))
        .isInstanceOf(IllegalStateException.class);
    assertThat(failing.secrets.versionWith(Stages.CURRENT)).contains(token);
    StepOutcome retried = failing.run(FINISH_SECRET, token);

    assertThat(retried.outcome()).isEqualTo("finished");
    assertThat(failing.secrets.versionWith(Stages.PENDING)).isEmpty();
    assertThat(failing.events.ofType("SecretRotated")).hasSize(1);
    assertThat(failing.rotations.rotation("FS_SUPPORT_WEBHOOK", token).orElseThrow().status())
        .isEqualTo("completed");
    assertThat(failing.run(FINISH_SECRET, token).outcome()).isEqualTo("already-current");
  }
}
