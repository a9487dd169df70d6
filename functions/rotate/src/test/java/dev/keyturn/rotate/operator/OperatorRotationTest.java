package dev.keyturn.rotate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.sweep.ParameterRotation;
import dev.keyturn.state.RetireTask;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeParameterStore;
import dev.keyturn.testing.fakes.FakeRetireTaskStore;
import dev.keyturn.testing.fakes.FakeRotationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operator-assisted rotation of an SSM entry, and the retire task it leaves. */
class OperatorRotationTest {

  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  final FakeParameterStore parameters = new FakeParameterStore();
  final FakeRetireTaskStore store = new FakeRetireTaskStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final RetireTasks tasks = new RetireTasks(store, audit, clock, "ops", Duration.ofDays(7));
  final OperatorRotation rotation =
      new OperatorRotation(
          null,
          new ParameterRotation(
              parameters,
              RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
              new FakeRotationStore(),
              audit,
              new FakeEventPublisher(),
              clock,
              "ops"),
          tasks);

  @Test
  void rotate_putsTheValue_andRecordsTheTaskToRevokeTheOldKeyAtTheVendorsDashboard() {
    parameters.create("/kt/ant", "SecureString", "old-anthropic-key-1", NOW.minusSeconds(60));
    SecretEntry entry = Entries.ssm("ANT_CLAUDE_SDK", "/kt/ant", "90d", null, Map.of());

    var outcome = rotation.rotate(entry, "new-anthropic-key-2", (s, o) -> {});

    assertThat(outcome).isInstanceOf(OperatorRotation.Rotated.class);
    RetireTask task = ((OperatorRotation.Rotated) outcome).task();
    assertThat(task.describe())
        .isEqualTo(
            "revoke the old Anthropic key at https://console.anthropic.com/settings/keys by"
                + " 2026-12-08");
    assertThat(task.oldVersion()).isEqualTo("1");
    assertThat(task.newVersion()).isEqualTo("2");
    assertThat(store.open("ANT_CLAUDE_SDK")).containsExactly(task);
    assertThat(audit.events())
        .extracting(e -> e.action() + " " + e.outcome())
        .containsExactly("rotation.sweep ok", "retire.task open");

    assertThat(tasks.close("ANT_CLAUDE_SDK", "keyturn-cli:ops"))
        .extracting(RetireTask::closedBy)
        .containsExactly("keyturn-cli:ops");
    assertThat(store.open()).isEmpty();
    assertThat(tasks.close("ANT_CLAUDE_SDK", "keyturn-cli:ops")).isEmpty();
  }

  @Test
  void rotate_refusesGeneratedVendorAndNonRotatingEntries() {
    SecretEntry generated = Entries.ssm("RX_HOOK", "/kt/hook", "90d", "hmac-key", Map.of());
    SecretEntry vendor =
        Entries.entry(
            "HK_PLATFORM_FULL",
            new Source.SecretsManager("hk"),
            "90d",
            new GeneratorSpec("heroku-authorization", Map.of()),
            null);
    SecretEntry none = Entries.ssm("AWS_ACCOUNT_ID", "/kt/id", "non-rotating", null, Map.of());

    assertThatThrownBy(() -> rotation.rotate(generated, "v".repeat(12), (s, o) -> {}))
        .isInstanceOf(NotOperatorAssistedException.class)
        .hasMessageContaining("its mode is generated");
    assertThatThrownBy(() -> rotation.rotate(vendor, "v".repeat(12), (s, o) -> {}))
        .hasMessageContaining("its mode is vendor");
    assertThatThrownBy(() -> rotation.rotate(none, "v".repeat(12), (s, o) -> {}))
        .hasMessageContaining("non-rotating");
    assertThat(store.open()).isEmpty();
  }
}
