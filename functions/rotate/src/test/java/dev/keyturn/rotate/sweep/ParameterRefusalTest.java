package dev.keyturn.rotate.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.refusal.SenderCheck;
import dev.keyturn.rotate.refusal.SenderRefusal;
import dev.keyturn.rotate.sweep.RotationOutcome.NotRotatable;
import dev.keyturn.rotate.sweep.RotationOutcome.Reason;
import dev.keyturn.rotate.sweep.RotationOutcome.Rotated;
import dev.keyturn.state.RotationOverride;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeParameterStore;
import dev.keyturn.testing.fakes.FakeRotationOverrideStore;
import dev.keyturn.testing.fakes.FakeRotationStore;
import dev.keyturn.testing.fakes.FakeSenderSightings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSM rotation (sweep and CLI) refuses like createSecret when a webhook sender is behind. */
class ParameterRefusalTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final String PATH = "/keyturn/prod/fs-hook";
  private static final String KEY = "whsec_" + "c".repeat(43) + "=";

  private final FakeParameterStore parameters = new FakeParameterStore();
  private final FakeInventoryStore inventory = new FakeInventoryStore();
  private final FakeSenderSightings sightings = new FakeSenderSightings();
  private final FakeRotationOverrideStore overrides = new FakeRotationOverrideStore();
  private final FakeAuditLog audit = new FakeAuditLog();
  private final FakeMetrics metrics = new FakeMetrics();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final SecretEntry entry = Entries.ssm("FS_HOOK", PATH, "30d", "hmac-key", Map.of());
  private final ParameterRotation rotation =
      new ParameterRotation(
          parameters,
          RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
          new FakeRotationStore(),
          audit,
          new FakeEventPublisher(),
          clock,
          "test",
          new SenderRefusal(
              inventory, new SenderCheck(sightings), overrides, audit, metrics, clock, "test"));

  ParameterRefusalTest() {
    parameters.create(PATH, "SecureString", KEY, NOW.minus(Duration.ofDays(1)));
    inventory.add(entry);
    inventory.add(new WebhookEntry("fs-support", "freescout", "FS_HOOK", null, Map.of()));
  }

  @Test
  void rotateNow_isRefused_whileTheSenderSignsWithAnOlderVersion_andWritesNothing() {
    assertThat(rotation.rotateNow(entry)).isInstanceOf(Rotated.class);
    sightings.record("fs-support", "1", NOW.minus(Duration.ofMinutes(30)));

    RotationOutcome outcome = rotation.rotateNow(entry);

    assertThat(outcome)
        .isEqualTo(
            new NotRotatable(
                "FS_HOOK",
                Reason.REFUSED,
                "rotation of FS_HOOK refused: sender of fs-support last signed with version 1"
                    + " (30m ago); rotate once it signs with the current one, or keyturn rotate"
                    + " FS_HOOK --force"));
    assertThat(parameters.latest(PATH)).as("no new version").isEqualTo(2);
    assertThat(audit.actions("rotation.refused")).hasSize(1);
    assertThat(metrics.total(Metric.ROTATIONS_REFUSED)).isEqualTo(1);
  }

  @Test
  void rotateNow_goesThrough_onceSeenOnTheCurrentVersion_orForced() {
    rotation.rotateNow(entry);
    sightings.record("fs-support", "2", NOW);
    assertThat(rotation.rotateNow(entry)).isEqualTo(new Rotated("FS_HOOK", 2, 3, NOW));

    overrides.grant(new RotationOverride("FS_HOOK", "alice", NOW, NOW.plusSeconds(60)));
    assertThat(rotation.rotateNow(entry)).isEqualTo(new Rotated("FS_HOOK", 3, 4, NOW));
    assertThat(audit.actions("rotation.forced"))
        .singleElement()
        .extracting(e -> e.detail().get("forcedBy"))
        .isEqualTo("alice");
  }
}
