package dev.keyturn.cli.rotate;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.sweep.ParameterInfo;
import dev.keyturn.rotate.sweep.ParameterStore;
import dev.keyturn.rotate.sweep.SweepResult;
import dev.keyturn.rotate.sweep.SweepService;
import dev.keyturn.state.RotationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Rotates an SSM SecureString entry now with the scheduled sweep's own logic ({@link
 * SweepService}), narrowed to this entry and made to see it as due: new value from the entry's
 * generator, PutParameter (history kept), labels {@code current}/{@code previous}, SecretRotated,
 * audit, the rotation record.
 */
final class ParameterRotation {

  static final String SWEEP_ACTION = "rotation.sweep";

  /** The ports the sweep needs, as the rotate function wires them. */
  record Ports(
      ParameterStore parameters,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      String actor) {}

  private final Ports ports;
  private final Progress progress;

  ParameterRotation(Ports ports, Progress progress) {
    this.ports = ports;
    this.progress = progress;
  }

  RotationReport run(SecretEntry entry) {
    requireCadence(entry);
    ParameterInfo before = describe(entry);
    var report = new RotationReport.Builder(entry.name(), entry.source().id(), "sweep");
    Instant started = ports.clock().instant();
    SweepResult result =
        new SweepService(
                ForcedDue.only(entry),
                ForcedDue.parameters(ports.parameters()),
                ports.generators(),
                ForcedDue.rotations(ports.rotations()),
                ports.audit(),
                ports.events(),
                ports.clock(),
                ports.actor())
            .sweep();
    if (result.rotated() != 1) {
      return report.failed("sweep", failure(entry, started));
    }
    ParameterInfo after = describe(entry);
    report.version(Long.toString(after.version()), Long.toString(before.version()));
    report.step("sweep", "put version " + after.version(), ports.clock().instant());
    progress.step("put", "version " + after.version() + " (SecureString, same KMS key)");
    progress.step("label", "current -> v" + after.version() + ", previous -> v" + before.version());
    progress.step("publish", "SecretRotated; audit; rotation recorded");
    return report.done();
  }

  /** The sweep never rotates a {@code non-rotating} entry, so neither does this. */
  static void requireCadence(SecretEntry entry) {
    if (Rotatable.cadence(entry).isEmpty()) {
      throw new NotRotatableException(
          entry.name(),
          "it is tagged rotation: "
              + entry.tags().rotation().orElse("(none)")
              + ", which the sweep never rotates");
    }
  }

  /**
   * @throws NotRotatableException when the parameter is missing or not a SecureString
   */
  ParameterInfo describe(SecretEntry entry) {
    String id = entry.source().id();
    ParameterInfo info = ports.parameters().describe(List.of(id)).get(id);
    if (info == null) {
      throw new NotRotatableException(entry.name(), "SSM parameter " + id + " does not exist");
    }
    if (!info.isSecureString()) {
      throw new NotRotatableException(
          entry.name(), "SSM parameter " + id + " is a " + info.type() + ", not a SecureString");
    }
    return info;
  }

  /** The sweep audits a failure (never throws it): read its name back from the trail. */
  private String failure(SecretEntry entry, Instant since) {
    return ports.audit().since(since, entry.name(), 100).stream()
        .filter(e -> SWEEP_ACTION.equals(e.action()) && !"ok".equals(e.outcome()))
        .reduce((first, second) -> second)
        .map(ParameterRotation::describe)
        .orElse("the sweep did not rotate it (see keyturn audit --secret " + entry.name() + ")");
  }

  private static String describe(AuditEvent e) {
    String why = e.detail().getOrDefault("error", e.detail().get("reason"));
    return why == null ? e.outcome() : why;
  }
}
