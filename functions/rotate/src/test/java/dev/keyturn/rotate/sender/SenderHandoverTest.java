package dev.keyturn.rotate.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.SenderPush;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeSecret;
import dev.keyturn.testing.fakes.FakeSecretsManager;
import dev.keyturn.testing.fakes.FakeSenderPushStore;
import dev.keyturn.testing.fakes.InjectedFault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderHandoverTest {

  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  static final SenderBinding HEROKU =
      new SenderBinding.Heroku("raxx-raptor-prod", "01234567-89ab-4def-8123-456789abcdef");
  static final WebhookEntry SOURCE =
      new WebhookEntry("rx-heroku", "heroku", "RX_HOOK", null, Map.of(), HEROKU);

  final FakeSecretsManager secretsManager = new FakeSecretsManager();
  final FakeSecret secret = secretsManager.create("keyturn/prod/rx-hook", "old-value-0123456789");
  final FakeSenderPushStore pushes = new FakeSenderPushStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final RecordingSender heroku = new RecordingSender("heroku");
  final SenderHandover handover =
      new SenderHandover(
          new WebhookSenders(List.of(heroku, new RecordingSender("github"))),
          secretsManager,
          pushes,
          audit,
          Clock.fixed(NOW, ZoneOffset.UTC),
          "test");

  String rotate(String value) {
    secret.stagePending(value);
    secret.finishRotation();
    return secret.versionWith(Stages.CURRENT).orElseThrow();
  }

  @Test
  void handOver_pushesTheCurrentValueOnce_recordsTheTargetAndTime_andAuditsWithoutTheValue() {
    String version = rotate("new-value-0123456789");

    HandoverResult result = handover.handOver(SOURCE, secret.name(), version);

    assertThat(result.outcome()).isEqualTo(HandoverResult.Outcome.PUSHED);
    assertThat(heroku.pushed()).hasSize(1);
    assertThat(heroku.pushed().getFirst().value().equals("new-value-0123456789")).isTrue();
    assertThat(pushes.push("rx-heroku", version))
        .contains(new SenderPush("rx-heroku", "RX_HOOK", version, HEROKU.target(), NOW));
    AuditEvent event = audit.actions(SenderHandover.ACTION).getFirst();
    assertThat(event.subject()).isEqualTo("RX_HOOK");
    assertThat(event.outcome()).isEqualTo("pushed");
    assertThat(event.versionIds()).containsExactly(version);
    assertThat(event.detail()).containsEntry("target", HEROKU.target());
    assertThat(event.toString()).doesNotContain("new-value-0123456789");
  }

  @Test
  void handOver_ofAVersionAlreadyPushed_callsNoSender() {
    String version = rotate("new-value-0123456789");
    handover.handOver(SOURCE, secret.name(), version);

    HandoverResult again = handover.handOver(SOURCE, secret.name(), version);

    assertThat(again.outcome()).isEqualTo(HandoverResult.Outcome.ALREADY_PUSHED);
    assertThat(heroku.pushed()).hasSize(1);
  }

  @Test
  void handOver_ofAVersionANewerRotationReplaced_neverPushesTheOldValue() {
    String first = rotate("first-value-0123456789");
    rotate("second-value-0123456789");

    HandoverResult late = handover.handOver(SOURCE, secret.name(), first);

    assertThat(late.outcome()).isEqualTo(HandoverResult.Outcome.SUPERSEDED);
    assertThat(heroku.pushed()).isEmpty();
    assertThat(pushes.push("rx-heroku", first)).isEmpty();
    assertThat(audit.actions(SenderHandover.ACTION))
        .extracting(AuditEvent::outcome)
        .containsExactly("superseded");
  }

  @Test
  void handOver_ofASourceWithoutSender_doesNothing() {
    WebhookEntry freescout = new WebhookEntry("fs", "freescout", "RX_HOOK", null, Map.of());

    assertThat(handover.handOver(freescout, secret.name(), rotate("v")).outcome())
        .isEqualTo(HandoverResult.Outcome.NO_SENDER);
    assertThat(heroku.pushed()).isEmpty();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void handOver_whoseSenderFails_isAuditedAsFailed_notRecorded_andTheRetryPushes() {
    String version = rotate("new-value-0123456789");
    heroku.failNext(1);

    assertThatThrownBy(() -> handover.handOver(SOURCE, secret.name(), version))
        .isInstanceOf(SenderPushException.class)
        .hasMessageContaining(HEROKU.target())
        .hasMessageNotContaining("new-value-0123456789");
    assertThat(pushes.push("rx-heroku", version)).isEmpty();
    assertThat(audit.actions(SenderHandover.ACTION).getFirst().outcome()).isEqualTo("failed");
    assertThat(audit.actions(SenderHandover.ACTION).getFirst().detail().get("error"))
        .startsWith("SenderPushException: heroku:");

    assertThat(handover.handOver(SOURCE, secret.name(), version).outcome())
        .isEqualTo(HandoverResult.Outcome.PUSHED);
    assertThat(heroku.pushed()).hasSize(1);
  }

  @Test
  void aCrashBetweenPushAndRecord_makesTheRetryPushTheSameValueOnceMore_thenNever() {
    String version = rotate("new-value-0123456789");
    pushes.failNext("recordPush", 1);

    assertThatThrownBy(() -> handover.handOver(SOURCE, secret.name(), version))
        .isInstanceOf(InjectedFault.class);
    handover.handOver(SOURCE, secret.name(), version);
    handover.handOver(SOURCE, secret.name(), version);

    assertThat(heroku.pushed()).hasSize(2);
    assertThat(heroku.pushed())
        .allMatch(p -> p.value().equals("new-value-0123456789"), "the same, current value");
  }
}
