package dev.keyturn.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.LocalAws;
import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SourceExistsException;
import dev.keyturn.secrets.Stages;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.faults.LateAnswerProxy;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Secrets Manager adapter against moto, through a proxy that can answer a call only after the
 * client has timed out, so the SDK retries a call moto has already applied.
 */
@WithLocalAws
class SecretsManagerSecretsTest {

  static LateAnswerProxy proxy;
  static SecretsManagerClient client;
  static SecretsManagerSecrets secrets;

  @BeforeAll
  static void start(LocalAws aws) {
    proxy = LateAnswerProxy.start(aws.endpoint());
    client = proxy.route(SecretsManagerClient.builder()).build();
    secrets = new SecretsManagerSecrets(client);
    secrets.describe("keyturn/test/warm-up"); // moto loads the service on its first call
  }

  @AfterAll
  static void stop() {
    client.close();
    proxy.close();
  }

  @Test
  void createIfAbsent_createsTheSecretWithItsValueAndTags() {
    String value = SeededSecrets.generate("create");

    Creation result =
        secrets.createIfAbsent("keyturn/test/create", value, Map.of("keyturn:entry", "CREATE"));

    assertThat(result).isEqualTo(Creation.CREATED);
    assertThat(secrets.value("keyturn/test/create", null, Stages.CURRENT)).contains(value);
    assertThat(client.describeSecret(b -> b.secretId("keyturn/test/create")).tags())
        .singleElement()
        .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("keyturn:entry=CREATE"));
  }

  @Test
  void createIfAbsent_succeeds_whenItsFirstAttemptWasAppliedButAnsweredTooLate() {
    String value = SeededSecrets.generate("late-create");
    proxy.answerLateOnce("CreateSecret");

    Creation result = secrets.createIfAbsent("keyturn/test/late-create", value, Map.of());

    assertThat(proxy.forwarded("CreateSecret")).as("the SDK retried").isGreaterThan(1);
    assertThat(result).isIn(Creation.CREATED, Creation.ALREADY_PRESENT);
    SecretDescription d = secrets.describe("keyturn/test/late-create").orElseThrow();
    assertThat(d.versionStages()).as("one version, not two").hasSize(1);
    assertThat(secrets.value("keyturn/test/late-create", null, Stages.CURRENT)).contains(value);
  }

  @Test
  void createIfAbsent_isAlreadyPresent_whenAnEarlierRunStoredTheSameValue() {
    String value = SeededSecrets.generate("again");
    secrets.createIfAbsent("keyturn/test/again", value, Map.of());

    Creation again = secrets.createIfAbsent("keyturn/test/again", value, Map.of());

    assertThat(again).isEqualTo(Creation.ALREADY_PRESENT);
    assertThat(secrets.describe("keyturn/test/again").orElseThrow().versionStages()).hasSize(1);
  }

  @Test
  void createIfAbsent_refusesASecretHoldingAnotherValue_namingItButNotTheValue() {
    String first = SeededSecrets.generate("taken-first");
    String other = SeededSecrets.generate("taken-other");
    secrets.createIfAbsent("keyturn/test/taken", first, Map.of());

    assertThatThrownBy(() -> secrets.createIfAbsent("keyturn/test/taken", other, Map.of()))
        .isInstanceOf(SourceExistsException.class)
        .hasMessage(
            "secret keyturn/test/taken already exists with another value; it was left unchanged");
    assertThat(secrets.value("keyturn/test/taken", null, Stages.CURRENT)).contains(first);
  }

  @Test
  void describe_isEmptyForAMissingSecret_andGivesTheLabelsOfAnExistingOne() {
    secrets.createIfAbsent("keyturn/test/described", SeededSecrets.generate("d"), Map.of());

    SecretDescription d = secrets.describe("keyturn/test/described").orElseThrow();

    assertThat(secrets.describe("keyturn/test/never-created")).isEmpty();
    assertThat(d.name()).isEqualTo("keyturn/test/described");
    assertThat(d.arn()).startsWith("arn:aws:secretsmanager:");
    assertThat(d.versionWith(Stages.CURRENT)).isPresent();
    assertThat(d.rotationEnabled()).isFalse();
    assertThat(d.rotationLambdaArn()).isNull();
    assertThat(d.unfinishedVersion()).isEmpty();
  }

  @Test
  void moveStage_succeeds_whenItsFirstAttemptWasAppliedButAnsweredTooLate() {
    String name = "keyturn/test/move";
    secrets.createIfAbsent(name, SeededSecrets.generate("move-old"), Map.of());
    String old = secrets.describe(name).orElseThrow().versionWith(Stages.CURRENT).orElseThrow();
    String token = UUID.randomUUID().toString();
    secrets.putPending(name, token, SeededSecrets.generate("move-new"), null);
    proxy.answerLateOnce("UpdateSecretVersionStage");

    secrets.moveStage(name, Stages.CURRENT, token, old);

    assertThat(proxy.forwarded("UpdateSecretVersionStage")).isGreaterThan(1);
    SecretDescription after = secrets.describe(name).orElseThrow();
    assertThat(after.stagesOf(token)).contains(Stages.CURRENT);
    assertThat(after.stagesOf(old)).containsExactly(Stages.PREVIOUS);
  }

  @Test
  void removeStage_succeeds_whenItsFirstAttemptWasAppliedButAnsweredTooLate() {
    String name = "keyturn/test/remove";
    secrets.createIfAbsent(name, SeededSecrets.generate("remove-old"), Map.of());
    String token = UUID.randomUUID().toString();
    secrets.putPending(name, token, SeededSecrets.generate("remove-new"), null);
    proxy.answerLateOnce("UpdateSecretVersionStage");

    secrets.removeStage(name, Stages.PENDING, token);

    assertThat(secrets.describe(name).orElseThrow().stagesOf(token)).isEmpty();
  }

  @Test
  void moveStage_stillFails_whenTheLabelsSayItDidNotHappen() {
    String name = "keyturn/test/move-wrong";
    secrets.createIfAbsent(name, SeededSecrets.generate("wrong-old"), Map.of());
    String token = UUID.randomUUID().toString();
    secrets.putPending(name, token, SeededSecrets.generate("wrong-new"), null);

    assertThatThrownBy(() -> secrets.moveStage(name, Stages.CURRENT, token, token))
        .isInstanceOf(RuntimeException.class);
    assertThat(secrets.describe(name).orElseThrow().stagesOf(token))
        .containsExactly(Stages.PENDING);
  }
}
