package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.LocalAws;
import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.SourceExistsException;
import dev.keyturn.secrets.Stages;
import dev.keyturn.secrets.aws.SecretsManagerSecrets;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link FakeSecretsManager} and {@link SecretsManagerSecrets} (against the local AWS) held to one
 * contract: the ports {@link SecretStages}, {@link RotationStarter} and {@link SecretCreator}.
 *
 * <p>Two rules the fake keeps from Secrets Manager's documentation are not in the shared contract,
 * because moto does not keep them (see {@code FakeSecretsManagerTest}): a version's value cannot be
 * replaced, and a read by version id with a stage that version does not carry finds nothing (moto
 * answers InvalidRequestException, which the adapter lets through).
 */
@WithLocalAws
class SecretsManagerContractTest {

  static String rotationLambda;

  @BeforeAll
  static void rotationLambda(LocalAws aws) {
    rotationLambda = aws.createRotationLambda();
  }

  abstract static class Contract {

    final SecretStages stages;
    final RotationStarter starter;
    final SecretCreator creator;
    final String lambda;
    final String name = "keyturn/contract/" + UUID.randomUUID().toString().substring(0, 8);
    final String first = SeededSecrets.generate("sm-first");

    <T extends SecretStages & RotationStarter & SecretCreator> Contract(T ports, String lambda) {
      this.stages = ports;
      this.starter = ports;
      this.creator = ports;
      this.lambda = lambda;
    }

    String current() {
      return stages.require(name).versionWith(Stages.CURRENT).orElseThrow();
    }

    /** RotateSecret, then createSecret's put: returns the pending version. */
    String pendingWith(String value) {
      String token = UUID.randomUUID().toString();
      starter.startRotation(name, token, lambda, 30L);
      stages.putPending(name, token, value, null);
      return token;
    }

    @Test
    void createIfAbsent_createsOnce_acceptsTheSameValueAgain_andRefusesAnother() {
      assertThat(creator.createIfAbsent(name, first, Map.of("keyturn:entry", "RX_C")))
          .isEqualTo(Creation.CREATED);
      assertThat(creator.createIfAbsent(name, first, Map.of())).isEqualTo(Creation.ALREADY_PRESENT);
      assertThatThrownBy(
              () -> creator.createIfAbsent(name, SeededSecrets.generate("sm-other"), Map.of()))
          .isInstanceOf(SourceExistsException.class)
          .hasMessageContaining(name);
      assertThat(stages.value(name, current(), Stages.CURRENT)).contains(first);
    }

    @Test
    void describe_isEmptyForAMissingSecret_andFindsOneByNameOrArn() {
      assertThat(stages.describe(name)).isEmpty();
      creator.createIfAbsent(name, first, Map.of());

      SecretDescription byName = stages.require(name);
      assertThat(byName.name()).isEqualTo(name);
      assertThat(byName.arn()).startsWith("arn:aws:secretsmanager:").contains(":secret:" + name);
      assertThat(byName.rotationEnabled()).isFalse();
      assertThat(byName.versionStages()).hasSize(1);
      assertThat(byName.versionStages().values()).containsExactly(List.of(Stages.CURRENT));
      assertThat(byName.created()).isNotNull();
      assertThat(stages.describe(byName.arn())).contains(byName);
    }

    @Test
    void startRotation_labelsTheTokenPending_withoutAValue_andTurnsRotationOn() {
      creator.createIfAbsent(name, first, Map.of());
      String token = UUID.randomUUID().toString();

      starter.startRotation(name, token, lambda, 30L);
      starter.startRotation(name, token, lambda, 30L);

      SecretDescription d = stages.require(name);
      assertThat(d.rotationEnabled()).isTrue();
      assertThat(d.rotationLambdaArn()).isEqualTo(lambda);
      assertThat(d.stagesOf(token)).containsExactly(Stages.PENDING);
      assertThat(d.versionStages()).as("a repeated request made no second version").hasSize(2);
      assertThat(d.unfinishedVersion()).contains(token);
      assertThat(stages.value(name, token, Stages.PENDING)).isEmpty();
    }

    @Test
    void putPending_storesTheValue_andARepeatIsHarmless() {
      creator.createIfAbsent(name, first, Map.of());
      String second = SeededSecrets.generate("sm-second");
      String token = pendingWith(second);

      stages.putPending(name, token, second, null);

      assertThat(stages.value(name, token, Stages.PENDING)).contains(second);
      assertThat(stages.require(name).stagesOf(token)).containsExactly(Stages.PENDING);
      assertThat(stages.require(name).versionStages()).hasSize(2);
    }

    @Test
    void moveStage_ofCurrent_labelsTheOldVersionPrevious_andARepeatCountsAsDone() {
      creator.createIfAbsent(name, first, Map.of());
      String old = current();
      String token = pendingWith(SeededSecrets.generate("sm-next"));

      stages.moveStage(name, Stages.CURRENT, token, old);
      stages.moveStage(name, Stages.CURRENT, token, old);

      SecretDescription d = stages.require(name);
      assertThat(d.stagesOf(token)).containsExactlyInAnyOrder(Stages.CURRENT, Stages.PENDING);
      assertThat(d.stagesOf(old)).containsExactly(Stages.PREVIOUS);
      assertThat(stages.value(name, old, Stages.PREVIOUS)).contains(first);
    }

    @Test
    void removeStage_takesTheLabelOff_andALabelNotThereCountsAsRemoved() {
      creator.createIfAbsent(name, first, Map.of());
      String old = current();
      String token = pendingWith(SeededSecrets.generate("sm-done"));
      stages.moveStage(name, Stages.CURRENT, token, old);

      stages.removeStage(name, Stages.PENDING, token);
      stages.removeStage(name, Stages.PENDING, token);
      stages.removeStage(name, Stages.PENDING, old);

      assertThat(stages.require(name).finishedRotation(token)).isTrue();
    }

    @Test
    void moveStage_fromAVersionThatDoesNotHoldIt_isRefused_andChangesNothing() {
      creator.createIfAbsent(name, first, Map.of());
      String old = current();
      String token = pendingWith(SeededSecrets.generate("sm-wrong"));
      String stranger = UUID.randomUUID().toString();

      assertThatThrownBy(() -> stages.moveStage(name, Stages.CURRENT, token, stranger))
          .isInstanceOf(RuntimeException.class);
      assertThat(stages.require(name).stagesOf(old)).containsExactly(Stages.CURRENT);
      assertThat(stages.require(name).stagesOf(token)).containsExactly(Stages.PENDING);
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeSecretsManager(), FakeSecret.ROTATION_LAMBDA);
    }
  }

  @Nested
  class Aws extends Contract {
    Aws() {
      super(new SecretsManagerSecrets(SecretsManagerClient.create()), rotationLambda);
    }
  }
}
