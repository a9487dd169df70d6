package dev.keyturn.rotate.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.json.Json;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.sweep.RotationOutcome.Failed;
import dev.keyturn.rotate.sweep.RotationOutcome.NotRotatable;
import dev.keyturn.rotate.sweep.RotationOutcome.Reason;
import dev.keyturn.rotate.sweep.RotationOutcome.Rotated;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeParameterStore;
import dev.keyturn.testing.fakes.FakeRotationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Rotate this SSM entry now": the operation the sweep and {@code keyturn rotate} share. */
class ParameterRotationTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final String KEY = "whsec_" + "c".repeat(43) + "=";

  private final FakeParameterStore parameters = new FakeParameterStore();
  private final FakeRotationStore rotations = new FakeRotationStore();
  private final FakeAuditLog audit = new FakeAuditLog();
  private final FakeEventPublisher events = new FakeEventPublisher();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private ParameterRotation rotation(GeneratorRegistry generators) {
    return new ParameterRotation(parameters, generators, rotations, audit, events, clock, "test");
  }

  private ParameterRotation rotation() {
    return rotation(RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()));
  }

  private SecretEntry parameter(String name, String path, String type, String cadence) {
    parameters.create(path, type, KEY, NOW.minus(Duration.ofDays(1)));
    return Entries.ssm(name, path, cadence, "hmac-key", Map.of());
  }

  @Test
  void rotateNow_rotatesAnEntryThatIsNotDue_andReportsBothVersions() {
    SecretEntry entry = parameter("RX_HOOK", "/keyturn/prod/hook", "SecureString", "90d");

    RotationOutcome outcome = rotation().rotateNow(entry);

    assertThat(outcome).isEqualTo(new Rotated("RX_HOOK", 1, 2, NOW));
    assertThat(KEY.equals(parameters.valueAt("/keyturn/prod/hook", 2))).isFalse();
    assertThat(parameters.labelled("/keyturn/prod/hook", "current")).isEqualTo(2);
    assertThat(parameters.labelled("/keyturn/prod/hook", "previous")).isEqualTo(1);
    assertThat(events.ofType("SecretRotated")).hasSize(1);
    assertThat(audit.events())
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("rotation.sweep", "ok"));
    assertThat(rotations.lastRotated("RX_HOOK")).contains(NOW);
  }

  @Test
  void rotateNow_refusesANonRotatingEntry_andChangesNothing() {
    SecretEntry entry = parameter("RX_KEEP", "/keyturn/prod/keep", "SecureString", "non-rotating");

    RotationOutcome outcome = rotation().rotateNow(entry);

    assertThat(outcome)
        .isEqualTo(
            new NotRotatable(
                "RX_KEEP",
                Reason.NON_ROTATING,
                "it is tagged rotation: non-rotating, which the sweep never rotates"));
    assertUnchanged("/keyturn/prod/keep");
  }

  @Test
  void rotateNow_refusesAMissingParameter_andAPlainString_namingThePath() {
    SecretEntry missing = Entries.ssm("RX_GONE", "/keyturn/prod/gone", "30d", "hmac-key", Map.of());
    SecretEntry plain = parameter("RX_PLAIN", "/keyturn/prod/plain", "String", "30d");

    RotationOutcome gone = rotation().rotateNow(missing);
    RotationOutcome string = rotation().rotateNow(plain);

    assertThat(gone)
        .isEqualTo(
            new NotRotatable(
                "RX_GONE", Reason.MISSING, "SSM parameter /keyturn/prod/gone does not exist"));
    assertThat(string)
        .isEqualTo(
            new NotRotatable(
                "RX_PLAIN",
                Reason.NOT_SECURE_STRING,
                "SSM parameter /keyturn/prod/plain is a String, not a SecureString"));
    assertUnchanged("/keyturn/prod/plain");
  }

  @Test
  void rotateNow_reportsAFailingGenerator_auditsTheFailure_andLeavesTheEntryDue() {
    SecretEntry entry = parameter("RX_HOOK", "/keyturn/prod/hook", "SecureString", "30d");

    RotationOutcome outcome = rotation(failingHmacKey()).rotateNow(entry);

    assertThat(outcome).isEqualTo(new Failed("RX_HOOK", "IllegalStateException"));
    assertThat(parameters.latest("/keyturn/prod/hook")).isEqualTo(1);
    assertThat(events.published()).isEmpty();
    assertThat(audit.events())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.action()).isEqualTo("rotation.sweep");
          assertThat(e.outcome()).isEqualTo("failed");
          assertThat(e.detail()).containsEntry("error", "IllegalStateException");
        });
    assertThat(rotations.lastRotated("RX_HOOK")).isEmpty();
  }

  @Test
  void theSweep_rotatesADueEntryThroughTheSameOperation_withTheSameTrail() {
    SecretEntry now = parameter("RX_NOW", "/keyturn/prod/now", "SecureString", "30d");
    FakeInventoryStore inventory = new FakeInventoryStore();
    inventory.add(Entries.ssm("RX_DUE", "/keyturn/prod/due", "30d", "hmac-key", Map.of()));
    parameters.create("/keyturn/prod/due", "SecureString", KEY, NOW.minus(Duration.ofDays(31)));
    ParameterRotation rotation = rotation();
    SweepService sweep =
        new SweepService(
            inventory, parameters, rotation, rotations, audit, events, clock, "test", Metrics.NONE);

    rotation.rotateNow(now);
    sweep.sweep();

    List<AuditEvent> trail = audit.events();
    assertThat(trail).hasSize(2);
    assertThat(trail.get(0).action()).isEqualTo(trail.get(1).action());
    assertThat(trail.get(0).outcome()).isEqualTo(trail.get(1).outcome()).isEqualTo("ok");
    assertThat(trail.get(0).detail().keySet()).isEqualTo(trail.get(1).detail().keySet());
    assertThat(events.ofType("SecretRotated"))
        .extracting(p -> Json.map(p.detailJson()).keySet())
        .containsOnly(java.util.Set.of("secretName", "secretArn", "versionId"));
    assertThat(rotations.lastRotated("RX_NOW")).contains(NOW);
    assertThat(rotations.lastRotated("RX_DUE")).contains(NOW);
  }

  @Test
  void theSweep_countsAFailingGeneratorAsFailed_withTheOperationsAudit() {
    FakeInventoryStore inventory = new FakeInventoryStore();
    inventory.add(Entries.ssm("RX_DUE", "/keyturn/prod/due", "30d", "hmac-key", Map.of()));
    parameters.create("/keyturn/prod/due", "SecureString", KEY, NOW.minus(Duration.ofDays(31)));
    SweepService sweep =
        new SweepService(
            inventory,
            parameters,
            rotation(failingHmacKey()),
            rotations,
            audit,
            events,
            clock,
            "test",
            Metrics.NONE);

    SweepResult result = sweep.sweep();

    assertThat(result.failed()).isEqualTo(1);
    assertThat(audit.events())
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("error", "IllegalStateException"));
  }

  private void assertUnchanged(String path) {
    assertThat(parameters.latest(path)).isEqualTo(1);
    assertThat(events.published()).isEmpty();
    assertThat(audit.events()).isEmpty();
  }

  /** An hmac-key generator whose every attempt fails, as a broken dependency would. */
  private static GeneratorRegistry failingHmacKey() {
    return new GeneratorRegistry(
        List.of(
            new SecretGenerator() {
              @Override
              public String type() {
                return "hmac-key";
              }

              @Override
              public List<String> validate(Map<String, String> options) {
                return List.of();
              }

              @Override
              public String generate(GenerationRequest request) {
                throw new IllegalStateException("the generator's source of randomness failed");
              }

              @Override
              public void checkWellFormed(String value, Map<String, String> options) {}
            }));
  }
}
