package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.secrets.Stages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link FakeSecretsManager} and {@link FakeSecret} do beyond the shared contract: the rules
 * moto does not keep, and the helpers tests seed and inspect secrets with.
 */
class FakeSecretsManagerTest {

  final FakeSecretsManager sm = new FakeSecretsManager();
  final FakeSecret secret = sm.create("keyturn/prod/hook", "old");

  @Test
  void putPending_refusesAnotherValueForAVersionThatHasOne_asSecretsManagerDocuments() {
    String token = secret.stagePending("new");

    assertThatThrownBy(() -> sm.putPending(secret.arn(), token, "s3cond-value", null))
        .isInstanceOf(FakeServiceException.class)
        .hasMessageContaining("ResourceExistsException")
        .hasMessageNotContaining("s3cond-value");
    assertThat(secret.valueOf(token)).contains("new");
  }

  @Test
  void value_byVersionAndAStageThatVersionDoesNotCarry_isEmpty_asThePortDocuments() {
    String token = secret.stagePending("new");

    assertThat(sm.value(secret.name(), token, Stages.CURRENT)).isEmpty();
    assertThat(sm.value(secret.name(), token, Stages.PENDING)).contains("new");
    assertThat(sm.value("keyturn/prod/missing", token, Stages.PENDING)).isEmpty();
  }

  @Test
  void aRotationStartedByTheTest_goesThroughTheSameStagesAsTheProtocol() {
    String first = secret.versionWith(Stages.CURRENT).orElseThrow();
    String token = secret.startRotation();

    assertThat(sm.require(secret.arn()).rotationEnabled()).isTrue();
    assertThat(sm.require(secret.arn()).rotationLambdaArn()).isEqualTo(FakeSecret.ROTATION_LAMBDA);
    assertThat(secret.valueOf(token)).isEmpty();
    sm.putPending(secret.arn(), token, "new", "rot-1");
    secret.finishRotation();

    assertThat(secret.stages())
        .isEqualTo(Map.of(token, List.of(Stages.CURRENT), first, List.of(Stages.PREVIOUS)));
    assertThat(secret.rotationTokensSeen()).containsExactly("rot-1");
    secret.disableRotation();
    assertThat(sm.require(secret.name()).rotationEnabled()).isFalse();
  }

  @Test
  void putValue_andStagePending_makeVersionsNumberedInTheOrderMade() {
    assertThat(secret.versionWith(Stages.CURRENT)).contains("v1");

    assertThat(secret.putValue("second")).isEqualTo("v2");
    assertThat(secret.stagePending("third")).isEqualTo("v3");

    assertThat(secret.stages())
        .containsEntry("v2", List.of(Stages.CURRENT))
        .containsEntry("v1", List.of(Stages.PREVIOUS))
        .containsEntry("v3", List.of(Stages.PENDING));
  }

  @Test
  void removeStage_refusesToRemoveCurrent_whichCanOnlyMove() {
    assertThatThrownBy(() -> sm.removeStage(secret.name(), Stages.CURRENT, "v1"))
        .isInstanceOf(FakeServiceException.class);
    assertThat(secret.versionWith(Stages.CURRENT)).contains("v1");
  }

  @Test
  void writesToASecretThatDoesNotExist_fail_andCreateRefusesAnExistingName() {
    assertThatThrownBy(() -> sm.putPending("keyturn/none", "t", "v", null))
        .isInstanceOf(FakeServiceException.class)
        .hasMessageContaining("ResourceNotFoundException");
    assertThatThrownBy(() -> sm.create(secret.name(), "again"))
        .isInstanceOf(FakeServiceException.class);
    sm.delete(secret.name());
    assertThat(sm.describe(secret.name())).isEmpty();
  }

  @Test
  void failNext_onOneOperation_leavesTheOthersAnswering() {
    String token = secret.startRotation();
    sm.failNext("putPending", 1);

    assertThatThrownBy(() -> sm.putPending(secret.arn(), token, "new", null))
        .isInstanceOf(InjectedFault.class);
    assertThat(sm.describe(secret.arn())).isPresent();
    sm.putPending(secret.arn(), token, "new", null);
    assertThat(secret.valueOf(token)).contains("new");
    assertThat(sm.calls("putPending")).isEqualTo(1);
  }
}
