package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.operator.OperatorRotation;
import dev.keyturn.rotate.protocol.DrivenRotation;

/**
 * An operator-assisted rotation ({@code --from-stdin}, {@code --all --from-dir}): the rotate
 * module's {@link OperatorRotation} puts the supplied value through the four steps (Secrets
 * Manager) or the sweep's operation (SSM) and records the retire-at-vendor task; this class maps
 * its outcome to a report.
 */
final class OperatorStep {

  static final String MODE = "supplied";

  private final OperatorRotation rotation;
  private final Progress progress;

  OperatorStep(OperatorRotation rotation, Progress progress) {
    this.rotation = rotation;
    this.progress = progress;
  }

  RotationReport run(SecretEntry entry, String value) {
    var report =
        new RotationReport.Builder(entry.name(), entry.source().id(), MODE, entry.mode().label());
    return switch (rotation.rotate(entry, value, progress::step)) {
      case OperatorRotation.Rotated r -> {
        report.version(r.version(), r.previous());
        for (DrivenRotation.StepDone s : r.steps()) {
          report.step(s.step(), s.outcome(), s.at());
        }
        yield report.retireTask(r.task().describe()).done();
      }
      case OperatorRotation.Failed f -> {
        for (DrivenRotation.StepDone s : f.steps()) {
          report.step(s.step(), s.outcome(), s.at());
        }
        yield report.leftover(f.undone(), f.leftover()).failed(f.step(), f.error());
      }
      case OperatorRotation.Refused refused ->
          throw new NotRotatableException(refused.name(), refused.reason());
    };
  }
}
