package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.FINISH_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.TEST_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.observability.Dimensions;
import dev.keyturn.observability.Metric;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.secrets.Stages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationMetricsTest {

  private static final String OLD_KEY = "whsec_" + "d".repeat(43) + "=";

  private final RotationFixture f =
      new RotationFixture(
          Entries.secretsManager("RX_METRICS", "keyturn/prod/metrics", "hmac-key", Map.of()),
          OLD_KEY);

  @Test
  void aCompletedRotation_countsOneSuccess_andNoFailure() {
    f.rotate(f.secrets.startRotation());

    assertThat(f.metrics.total(Metric.ROTATIONS_SUCCEEDED)).isEqualTo(1);
    assertThat(f.metrics.published(Metric.ROTATIONS_FAILED)).isFalse();
  }

  @Test
  void aFinishSecretRepeatedAfterCompletion_isNotCountedAgain() {
    String token = f.secrets.startRotation();
    f.rotate(token);

    f.run(FINISH_SECRET, token);

    assertThat(f.metrics.total(Metric.ROTATIONS_SUCCEEDED)).isEqualTo(1);
  }

  @Test
  void theStepsBeforeFinish_countNothing() {
    String token = f.secrets.startRotation();

    f.run(CREATE_SECRET, token);

    assertThat(f.metrics.records()).isEmpty();
  }

  @Test
  void aFailedStep_countsOneFailure_dimensionedByItsStep() {
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(TEST_SECRET, token))
        .isInstanceOf(PendingValueMissingException.class);

    assertThat(f.metrics.total(Metric.ROTATIONS_FAILED, Dimensions.STEP, "testSecret"))
        .isEqualTo(1);
    assertThat(f.metrics.published(Metric.ROTATIONS_SUCCEEDED)).isFalse();
  }

  @Test
  void aRefusedEvent_countsAsAFailure() {
    String token = f.secrets.startRotation();
    f.secrets.disableRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(RotationNotEnabledException.class);

    assertThat(f.metrics.total(Metric.ROTATIONS_FAILED, Dimensions.STEP, "createSecret"))
        .isEqualTo(1);
  }

  @Test
  void anEventForASecretOutsideTheInventory_countsAsAFailure() {
    assertThatThrownBy(() ->
            f.service.handle(new RotationEvent(CREATE_SECRET, "keyturn/prod/unknown", "t", null)))
        .isInstanceOf(UnknownSecretException.class);

    assertThat(f.metrics.total(Metric.ROTATIONS_FAILED)).isEqualTo(1);
  }

  @Test
  void anAlreadyCurrentToken_isNeitherASuccessNorAFailure() {
    String current = f.secrets.versionWith(Stages.CURRENT).orElseThrow();

    f.run(FINISH_SECRET, current);

    assertThat(f.metrics.records()).isEmpty();
  }
}
