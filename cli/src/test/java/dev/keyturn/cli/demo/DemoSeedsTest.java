package dev.keyturn.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.secrets.SecretsManagerRandomPasswords;
import dev.keyturn.secrets.aws.SecretsManagerSecrets;
import dev.keyturn.secrets.aws.SsmParameterStore;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.faults.LateAnswerProxy;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The demo's seed step against moto, through a proxy that answers chosen calls only after the
 * client has timed out: the SDK then retries a write moto has already applied, as happened on a
 * loaded machine ("The parameter already exists … (SDK Attempt Count: 2)").
 */
@WithLocalAws
class DemoSeedsTest {

  static final Inventory EXAMPLE =
      InventoryParser.parse(Path.of("..", "examples", "inventory.yaml")).requireValid();

  static LocalAws aws;
  static LateAnswerProxy proxy;
  static SecretsManagerClient secretsManager;
  static SsmClient ssm;

  @BeforeAll
  static void start(LocalAws localAws) {
    aws = localAws;
    proxy = LateAnswerProxy.start(aws.endpoint());
    secretsManager = proxy.route(SecretsManagerClient.builder()).build();
    ssm = proxy.route(SsmClient.builder()).build();
  }

  @BeforeEach
  void freshMoto() {
    aws.reset();
    // moto loads a service on its first call; warm both so only the armed call is late
    secretsManager.listSecrets();
    ssm.describeParameters();
  }

  @AfterAll
  static void stop() {
    secretsManager.close();
    ssm.close();
    proxy.close();
  }

  private static DemoSeeds seeds() {
    RandomSource random = new RandomSource();
    return new DemoSeeds(
        new SecretsManagerSecrets(secretsManager),
        new SsmParameterStore(ssm),
        RotationGenerators.all(new SecretsManagerRandomPasswords(secretsManager), random),
        random);
  }

  @Test
  void seed_succeeds_whenWritesWereAppliedButAnsweredAfterTheClientGaveUp() {
    proxy.answerLateOnce("PutParameter");
    proxy.answerLateOnce("CreateSecret");

    int seeded = seeds().seed(EXAMPLE);

    // an entry with one source per environment is seeded once per source
    assertThat(seeded)
        .isEqualTo(EXAMPLE.secrets().stream().mapToInt(e -> e.allSources().size()).sum());
    long parameters =
        EXAMPLE.secrets().stream()
            .flatMap(e -> e.allSources().stream())
            .filter(s -> s instanceof Source.SsmParameter)
            .count();
    assertThat(proxy.forwarded("PutParameter"))
        .as("the SDK retried")
        .isGreaterThan((int) parameters);
    for (SecretEntry e : EXAMPLE.secrets()) {
      assertThat(SeededSecrets.register(valueOf(e.source()))).as(e.name()).isNotBlank();
    }
  }

  @Test
  void seed_failure_namesTheStepTheEntryAndTheParameter_inOneLine_withoutAValue() {
    SecretEntry entry =
        EXAMPLE.secrets().stream()
            .filter(e -> e.source() instanceof Source.SsmParameter)
            .findFirst()
            .orElseThrow();
    String someoneElses = SeededSecrets.generate("someone-elses");
    ssm.putParameter(
        b -> b.name(entry.source().id()).value(someoneElses).type(ParameterType.SECURE_STRING));

    assertThatThrownBy(() -> seeds().seed(firstOnly(entry)))
        .isInstanceOf(SeedFailedException.class)
        .hasMessage(
            "demo failed at step seed: SSM parameter "
                + entry.source().id()
                + " (entry "
                + entry.name()
                + "): it already exists with another value (left unchanged)");
    assertThat(valueOf(entry.source()).equals(someoneElses)).isTrue();
  }

  private static Inventory firstOnly(SecretEntry entry) {
    return new Inventory(
        EXAMPLE.version(),
        EXAMPLE.vendors(),
        EXAMPLE.functions(),
        EXAMPLE.consumers(),
        java.util.List.of(entry),
        java.util.List.of());
  }

  private static String valueOf(Source source) {
    return switch (source) {
      case Source.SecretsManager sm ->
          secretsManager.getSecretValue(b -> b.secretId(sm.id())).secretString();
      case Source.SsmParameter p ->
          ssm.getParameter(b -> b.name(p.id()).withDecryption(true)).parameter().value();
    };
  }
}
