package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.Source;
import dev.keyturn.local.LocalAws;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretNotFoundException;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.secrets.Stages;
import dev.keyturn.secrets.aws.AwsSecretSource;
import dev.keyturn.secrets.aws.SecretsManagerSecrets;
import dev.keyturn.secrets.aws.SsmParameterStore;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@link FakeSecretSource} (over {@link FakeSecretsManager} and {@link FakeParameterStore}) and
 * {@link AwsSecretSource} (against the local AWS) held to one contract; both sides are seeded
 * through the Secrets Manager and SSM ports.
 */
@WithLocalAws
class SecretSourceContractTest {

  static String rotationLambda;

  @BeforeAll
  static void rotationLambda(LocalAws aws) {
    rotationLambda = aws.createRotationLambda();
  }

  /** The source under test, and the ports that seed what it reads. */
  record Subject(
      SecretSource source,
      SecretStages stages,
      RotationStarter starter,
      SecretCreator secrets,
      ParameterStore parameterStore,
      ParameterCreator parameters,
      String lambda) {}

  abstract static class Contract {

    final SecretSource source;
    final SecretStages stages;
    final RotationStarter starter;
    final SecretCreator secrets;
    final ParameterStore parameterStore;
    final ParameterCreator parameters;
    final String lambda;
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final Source secret = new Source.SecretsManager("keyturn/contract/" + id);
    final Source parameter = new Source.SsmParameter("/keyturn/contract/" + id);
    final String secretValue = SeededSecrets.generate("src-secret");
    final String parameterValue = SeededSecrets.generate("src-param");

    Contract(Subject s) {
      this.source = s.source();
      this.stages = s.stages();
      this.starter = s.starter();
      this.secrets = s.secrets();
      this.parameterStore = s.parameterStore();
      this.parameters = s.parameters();
      this.lambda = s.lambda();
    }

    void seed() {
      secrets.createIfAbsent(secret.id(), secretValue, Map.of());
      parameters.createIfAbsent(parameter.id(), parameterValue, Map.of());
    }

    String currentVersion() {
      return stages.require(secret.id()).versionWith(Stages.CURRENT).orElseThrow();
    }

    @Test
    void current_readsSecretsAndParametersInOneCall_andLeavesOutWhatDoesNotExist() {
      seed();
      Source missing = new Source.SecretsManager("keyturn/contract/missing-" + id);
      Source missingParameter = new Source.SsmParameter("/keyturn/contract/missing-" + id);

      Map<Source, SecretValue> values =
          source.current(List.of(secret, parameter, missing, missingParameter));

      assertThat(values).containsOnlyKeys(secret, parameter);
      assertThat(values.get(secret))
          .isEqualTo(new SecretValue(secret.id(), currentVersion(), secretValue));
      assertThat(values.get(parameter))
          .isEqualTo(new SecretValue(parameter.id(), "1", parameterValue));
    }

    @Test
    void current_ofAParameter_isItsLatestVersion() {
      seed();
      String next = SeededSecrets.generate("src-param-2");
      parameterStore.putSecure(parameter.id(), next, null);

      assertThat(source.current(List.of(parameter)).get(parameter))
          .isEqualTo(new SecretValue(parameter.id(), "2", next));
      assertThat(source.liveVersions(parameter))
          .containsExactly(new SecretValue(parameter.id(), "2", next));
    }

    @Test
    void
        liveVersions_followARotation_currentThenPendingThenPrevious_skippingAVersionWithoutValue() {
      seed();
      String old = currentVersion();
      String token = UUID.randomUUID().toString();
      starter.startRotation(secret.id(), token, lambda, 30L);

      assertThat(source.liveVersions(secret))
          .as("AWSPENDING has no value before createSecret")
          .containsExactly(new SecretValue(secret.id(), old, secretValue));

      String next = SeededSecrets.generate("src-next");
      stages.putPending(secret.id(), token, next, null);
      assertThat(source.liveVersions(secret))
          .containsExactly(
              new SecretValue(secret.id(), old, secretValue),
              new SecretValue(secret.id(), token, next));

      stages.moveStage(secret.id(), Stages.CURRENT, token, old);
      stages.removeStage(secret.id(), Stages.PENDING, token);
      assertThat(source.liveVersions(secret))
          .containsExactly(
              new SecretValue(secret.id(), token, next),
              new SecretValue(secret.id(), old, secretValue));
      assertThat(source.current(List.of(secret)).get(secret).versionId()).isEqualTo(token);
    }

    @Test
    void liveVersions_ofASecretThatDoesNotExist_isSecretNotFound() {
      assertThatThrownBy(() -> source.liveVersions(secret))
          .isInstanceOf(SecretNotFoundException.class);
      assertThat(source.liveVersions(parameter)).isEmpty();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(subject(new FakeSecretsManager(), new FakeParameterStore()));
    }

    private static Subject subject(FakeSecretsManager sm, FakeParameterStore ssm) {
      return new Subject(
          new FakeSecretSource(sm, ssm), sm, sm, sm, ssm, ssm, FakeSecret.ROTATION_LAMBDA);
    }
  }

  @Nested
  class Aws extends Contract {
    Aws() {
      super(subject(SecretsManagerClient.create(), SsmClient.create()));
    }

    private static Subject subject(SecretsManagerClient sm, SsmClient ssm) {
      SecretsManagerSecrets secrets = new SecretsManagerSecrets(sm);
      SsmParameterStore parameters = new SsmParameterStore(ssm);
      return new Subject(
          new AwsSecretSource(sm, ssm, secrets),
          secrets,
          secrets,
          secrets,
          parameters,
          parameters,
          rotationLambda);
    }
  }
}
