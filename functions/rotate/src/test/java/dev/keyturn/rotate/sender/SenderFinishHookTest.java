package dev.keyturn.rotate.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.protocol.IssuedValueRetry;
import dev.keyturn.rotate.protocol.RotationEvent;
import dev.keyturn.rotate.protocol.RotationJournal;
import dev.keyturn.rotate.protocol.RotationService;
import dev.keyturn.rotate.protocol.RotationStep;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.Stages;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeCredentialLedger;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeRotationStore;
import dev.keyturn.testing.fakes.FakeSecret;
import dev.keyturn.testing.fakes.FakeSecretsManager;
import dev.keyturn.testing.fakes.FakeSenderPushStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** finishSecret hands a rotated webhook secret to every bound sender, once, before completing. */
class SenderFinishHookTest {

  static final String NAME = "RX_HOOK";
  static final SenderBinding HEROKU =
      new SenderBinding.Heroku("raxx-raptor-prod", "01234567-89ab-4def-8123-456789abcdef");
  static final SenderBinding GITHUB = new SenderBinding.Github("raxx/raptor", 4242L);

  final FakeSecretsManager secretsManager = new FakeSecretsManager();
  final FakeSecret secret =
      secretsManager
          .create("keyturn/prod/rx-hook", "whsec_" + "a".repeat(43) + "=")
          .enableRotation();
  final FakeInventoryStore inventory = new FakeInventoryStore();
  final FakeRotationStore rotations = new FakeRotationStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final FakeEventPublisher events = new FakeEventPublisher();
  final FakeSenderPushStore pushes = new FakeSenderPushStore();
  final RecordingSender heroku = new RecordingSender("heroku");
  final RecordingSender github = new RecordingSender("github");
  final RotationService service;

  SenderFinishHookTest() {
    inventory.add(Entries.secretsManager(NAME, secret.name(), "hmac-key", Map.of()));
    inventory.add(new WebhookEntry("rx-heroku", "heroku", NAME, null, Map.of(), HEROKU));
    inventory.add(new WebhookEntry("rx-github", "github", NAME, null, Map.of(), GITHUB));
    inventory.add(new WebhookEntry("rx-other", "freescout", NAME, null, Map.of()));
    SenderHandover handover =
        new SenderHandover(
            new WebhookSenders(List.of(heroku, github)),
            secretsManager,
            pushes,
            audit,
            Clock.systemUTC(),
            "test");
    Vendors vendors = new Vendors(List.of());
    FakeCredentialLedger ledger = new FakeCredentialLedger();
    service =
        new RotationService(
            inventory,
            secretsManager,
            RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
            vendors,
            new RotationJournal(rotations, audit, Clock.systemUTC(), "test"),
            events,
            new IssuedValueRetry(1, Duration.ZERO, d -> {}),
            new FakeMetrics(),
            ledger,
            new CredentialRetirement(
                inventory, secretsManager, vendors, ledger, audit, Clock.systemUTC(), "test"),
            Clock.systemUTC(),
            new SenderFinishHook(inventory, handover));
  }

  void run(RotationStep step, String token) {
    service.handle(new RotationEvent(step, secret.arn(), token, null));
  }

  void rotate(String token) {
    for (RotationStep step : RotationStep.values()) {
      run(step, token);
    }
  }

  @Test
  void rotation_pushesTheNewValueToEachBoundSenderOnce_whileItIsAlreadyCurrent() {
    String token = secret.startRotation();
    List<String> currentAtPush = new ArrayList<>();
    heroku.onPush(b -> currentAtPush.add(secret.versionWith(Stages.CURRENT).orElseThrow()));

    rotate(token);

    String value = secret.valueOf(token).orElseThrow();
    assertThat(heroku.pushed()).singleElement().matches(p -> p.value().equals(value));
    assertThat(github.pushed()).singleElement().matches(p -> p.value().equals(value));
    assertThat(currentAtPush).containsExactly(token);
    assertThat(pushes.pushes("rx-heroku")).hasSize(1);
    assertThat(pushes.pushes("rx-other")).as("a sender without API gets nothing").isEmpty();
    assertThat(rotations.rotation(NAME, token).orElseThrow().status()).isEqualTo("completed");
  }

  @Test
  void aSenderFault_failsFinishSecret_unfinished_andTheRetryPushesOnlyWhatIsMissing() {
    String token = secret.startRotation();
    github.failNext(1);

    run(RotationStep.CREATE_SECRET, token);
    run(RotationStep.SET_SECRET, token);
    run(RotationStep.TEST_SECRET, token);
    assertThatThrownBy(() -> run(RotationStep.FINISH_SECRET, token))
        .isInstanceOf(SenderHandoverException.class)
        .hasMessageContaining("rx-github")
        .hasMessageNotContaining(secret.valueOf(token).orElseThrow());
    assertThat(rotations.rotation(NAME, token).orElseThrow().status()).isEqualTo("failed");
    assertThat(secret.versionWith(Stages.CURRENT)).contains(token);

    run(RotationStep.FINISH_SECRET, token);

    String value = secret.valueOf(token).orElseThrow();
    assertThat(heroku.pushed()).as("pushed before the fault, not again").hasSize(1);
    assertThat(github.pushed()).singleElement().matches(p -> p.value().equals(value));
    assertThat(rotations.rotation(NAME, token).orElseThrow().status()).isEqualTo("completed");
  }

  @Test
  void aFinishSecretRepeatedAfterCompletion_pushesNothing() {
    String token = secret.startRotation();
    rotate(token);

    run(RotationStep.FINISH_SECRET, token);

    assertThat(heroku.pushed()).hasSize(1);
    assertThat(github.pushed()).hasSize(1);
  }

  @Test
  void aSecondRotation_pushesItsOwnValue_andNeverTheOldOneAgain() {
    String first = secret.startRotation();
    rotate(first);
    String second = secret.startRotation();
    rotate(second);

    assertThat(heroku.pushed())
        .extracting(p -> p.value().equals(secret.valueOf(second).orElseThrow()))
        .containsExactly(false, true);
  }

  @Test
  void aSecretNoWebhookSignsWith_readsTheInventoryOnce_andCallsNoSender() {
    FakeSecret other = secretsManager.create("keyturn/prod/other", "x".repeat(40)).enableRotation();
    inventory.add(Entries.secretsManager("RX_OTHER", other.name(), "hmac-key", Map.of()));
    String token = other.startRotation();

    for (RotationStep step : RotationStep.values()) {
      service.handle(new RotationEvent(step, other.arn(), token, null));
    }

    assertThat(heroku.pushed()).isEmpty();
    assertThat(github.pushed()).isEmpty();
    assertThat(inventory.calls("webhooks")).isEqualTo(1);
    assertThat(pushes.calls(FakeSenderPushStore.ANY)).isZero();
  }
}
