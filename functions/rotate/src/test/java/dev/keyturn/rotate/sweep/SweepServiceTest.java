package dev.keyturn.rotate.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Source;
import dev.keyturn.json.Json;
import dev.keyturn.observability.Metric;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeParameterStore;
import dev.keyturn.testing.fakes.FakePort;
import dev.keyturn.testing.fakes.FakeRotationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final String KEY = "whsec_" + "c".repeat(43) + "=";

  private final FakeInventoryStore inventory = new FakeInventoryStore();
  private final FakeParameterStore parameters = new FakeParameterStore();
  private final FakeRotationStore rotations = new FakeRotationStore();
  private final FakeAuditLog audit = new FakeAuditLog();
  private final FakeEventPublisher events = new FakeEventPublisher();
  private final FakeMetrics metrics = new FakeMetrics();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ParameterRotation rotation =
      new ParameterRotation(
          parameters,
          RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
          rotations,
          audit,
          events,
          clock,
          "test");
  private final SweepService sweep =
      new SweepService(
          inventory, parameters, rotation, rotations, audit, events, clock, "test", metrics);

  private void ssmEntry(String name, String path, String cadence, Instant modified) {
    inventory.add(Entries.ssm(name, path, cadence, "hmac-key", Map.of()));
    parameters.create(path, "SecureString", KEY, modified);
  }

  @Test
  void sweep_rotatesAParameterWhoseCadenceElapsedSinceItWasLastModified() {
    ssmEntry("RX_HOOK", "/keyturn/prod/hook", "30d", NOW.minus(Duration.ofDays(31)));

    SweepResult result = sweep.sweep();

    assertThat(result.rotated()).isEqualTo(1);
    assertThat(parameters.latest("/keyturn/prod/hook")).isEqualTo(2);
    assertThat(KEY.equals(parameters.valueAt("/keyturn/prod/hook", 2))).isFalse();
    assertThat(KEY.equals(parameters.valueAt("/keyturn/prod/hook", 1)))
        .as("history keeps the old value")
        .isTrue();
    assertThat(parameters.labelled("/keyturn/prod/hook", "current")).isEqualTo(2);
    assertThat(parameters.labelled("/keyturn/prod/hook", "previous")).isEqualTo(1);
    assertThat(rotations.lastRotated("RX_HOOK")).contains(NOW);
  }

  @Test
  void sweep_publishesSecretRotated_withoutTheValue() {
    ssmEntry("RX_HOOK", "/keyturn/prod/hook", "30d", NOW.minus(Duration.ofDays(31)));

    sweep.sweep();

    var published = events.ofType("SecretRotated");
    assertThat(published).hasSize(1);
    Map<String, Object> detail = Json.map(published.getFirst().detailJson());
    assertThat(detail)
        .containsOnlyKeys("secretName", "secretArn", "versionId")
        .containsEntry("versionId", "2")
        .containsEntry(
            "secretArn", "arn:aws:ssm:us-east-1:123456789012:parameter/keyturn/prod/hook");
    String newValue = parameters.valueAt("/keyturn/prod/hook", 2);
    assertThat(published.getFirst().detailJson().contains(newValue))
        .as("the event detail carries the new value")
        .isFalse();
  }

  @Test
  void sweep_takesTheLastRotationFromTheTable_beforeTheParameterDate() {
    ssmEntry("RX_HOOK", "/keyturn/prod/hook", "30d", NOW.minus(Duration.ofDays(100)));
    rotations.recordRotated("RX_HOOK", "t", "1", NOW.minus(Duration.ofDays(5)));

    SweepResult result = sweep.sweep();

    assertThat(result.notDue()).isEqualTo(1);
    assertThat(result.rotated()).isZero();
    assertThat(parameters.latest("/keyturn/prod/hook")).isEqualTo(1);
  }

  @Test
  void sweep_leavesAParameterAloneBeforeItsCadence_andNonRotatingOnes() {
    ssmEntry("RX_A", "/keyturn/prod/a", "90d", NOW.minus(Duration.ofDays(89)));
    ssmEntry("RX_B", "/keyturn/prod/b", "non-rotating", NOW.minus(Duration.ofDays(900)));

    SweepResult result = sweep.sweep();

    assertThat(result.checked()).isEqualTo(2);
    assertThat(result.notDue()).isEqualTo(2);
    assertThat(events.published()).isEmpty();
  }

  @Test
  void sweep_skipsADueParameterWithoutGenerator_andSaysRotationIsDue() {
    inventory.add(Entries.ssm("FS_TOKEN", "/keyturn/prod/fs", "30d", null, Map.of()));
    parameters.create("/keyturn/prod/fs", "SecureString", KEY, NOW.minus(Duration.ofDays(40)));

    SweepResult result = sweep.sweep();

    assertThat(result.skipped()).isEqualTo(1);
    assertThat(parameters.latest("/keyturn/prod/fs")).isEqualTo(1);
    assertThat(events.ofType("SecretRotationDue")).hasSize(1);
    assertThat(audit.events()).extracting(AuditEvent::outcome).containsExactly("skipped");
  }

  @Test
  void sweep_skipsAPlainStringParameter() {
    inventory.add(Entries.ssm("RX_PLAIN", "/keyturn/prod/plain", "30d", "hmac-key", Map.of()));
    parameters.create("/keyturn/prod/plain", "String", KEY, NOW.minus(Duration.ofDays(40)));

    assertThat(sweep.sweep().skipped()).isEqualTo(1);
    assertThat(parameters.latest("/keyturn/prod/plain")).isEqualTo(1);
  }

  @Test
  void sweep_countsAMissingParameterAsFailed_andCarriesOn() {
    inventory.add(Entries.ssm("RX_GONE", "/keyturn/prod/gone", "30d", "hmac-key", Map.of()));
    ssmEntry("RX_HOOK", "/keyturn/prod/hook", "30d", NOW.minus(Duration.ofDays(31)));

    SweepResult result = sweep.sweep();

    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.rotated()).isEqualTo(1);
    assertThat(audit.events())
        .filteredOn(e -> e.subject().equals("RX_GONE"))
        .extracting(AuditEvent::outcome)
        .containsExactly("failed");
  }

  @Test
  void sweep_warnsAboutTokensExpiringWithin14Days_orAlreadyExpired() {
    GeneratorSpec none = null;
    Source sm = new Source.SecretsManager("keyturn/prod/cf");
    inventory.add(Entries.entry("CF_SOON", sm, "90d", none, NOW.plus(Duration.ofDays(13)) + ""));
    inventory.add(Entries.entry("CF_PAST", sm, "90d", none, NOW.minus(Duration.ofDays(1)) + ""));
    inventory.add(Entries.entry("CF_LATER", sm, "90d", none, NOW.plus(Duration.ofDays(15)) + ""));
    inventory.add(Entries.entry("CF_NEVER", sm, "90d", none, "non-expiring"));

    SweepResult result = sweep.sweep();

    assertThat(result.expiring()).isEqualTo(2);
    assertThat(events.ofType("SecretExpiring"))
        .extracting(p -> Json.map(p.detailJson()).get("secretName"))
        .containsExactlyInAnyOrder("CF_SOON", "CF_PAST");
    assertThat(audit.events())
        .extracting(AuditEvent::subject, AuditEvent::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("CF_SOON", "expiring"),
            org.assertj.core.groups.Tuple.tuple("CF_PAST", "expired"));
  }

  @Test
  void sweep_publishesItsCounts_inOneRecord() {
    inventory.add(Entries.ssm("RX_GONE", "/keyturn/prod/gone", "30d", "hmac-key", Map.of()));
    ssmEntry("RX_HOOK", "/keyturn/prod/hook", "30d", NOW.minus(Duration.ofDays(31)));
    Source sm = new Source.SecretsManager("keyturn/prod/cf");
    GeneratorSpec none = null;
    inventory.add(Entries.entry("CF_SOON", sm, "90d", none, NOW.plus(Duration.ofDays(3)) + ""));

    sweep.sweep();

    assertThat(metrics.records())
        .singleElement()
        .satisfies(r ->
            assertThat(r.values())
                .containsExactly(
                    Map.entry(Metric.ROTATIONS_SUCCEEDED, 1L),
                    Map.entry(Metric.SWEEP_FAILURES, 1L),
                    Map.entry(Metric.SECRETS_EXPIRING, 1L)));
  }

  @Test
  void aSweepThatCannotReadTheInventory_countsOneFailure_andFails() {
    FakeInventoryStore unreachable = new FakeInventoryStore();
    unreachable.failAlways(FakePort.ANY);
    SweepService failing =
        new SweepService(
            unreachable, parameters, rotation, rotations, audit, events, clock, "test", metrics);

    assertThatThrownBy(failing::sweep).isInstanceOf(IllegalStateException.class);

    assertThat(metrics.total(Metric.SWEEP_FAILURES)).isEqualTo(1);
  }
}
