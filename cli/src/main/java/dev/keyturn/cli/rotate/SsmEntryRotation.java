package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.sweep.ParameterRotation;
import dev.keyturn.rotate.sweep.RotationOutcome;
import dev.keyturn.secrets.ParameterInfo;

/**
 * Rotates an SSM SecureString entry now through the rotate module's own operation ({@link
 * ParameterRotation}, which the scheduled sweep runs for each due entry): new value from the
 * entry's generator, PutParameter (history kept), labels {@code current}/{@code previous},
 * SecretRotated, audit, the rotation record. This class only turns its outcome into a report.
 */
final class SsmEntryRotation {

  static final String STEP = "sweep";

  private final ParameterRotation rotation;
  private final Progress progress;

  SsmEntryRotation(ParameterRotation rotation, Progress progress) {
    this.rotation = rotation;
    this.progress = progress;
  }

  RotationReport run(SecretEntry entry) {
    var report =
        new RotationReport.Builder(entry.name(), entry.source().id(), STEP, entry.mode().label());
    return switch (rotation.rotateNow(entry)) {
      case RotationOutcome.Rotated r -> {
        report.version(Long.toString(r.version()), Long.toString(r.previousVersion()));
        report.step(STEP, "put version " + r.version(), r.at());
        progress.step("put", "version " + r.version() + " (SecureString, same KMS key)");
        progress.step(
            "label", "current -> v" + r.version() + ", previous -> v" + r.previousVersion());
        progress.step("publish", "SecretRotated; audit; rotation recorded");
        yield report.done();
      }
      case RotationOutcome.NotRotatable refused ->
          throw new NotRotatableException(refused.name(), refused.detail());
      case RotationOutcome.Failed failed -> report.failed(STEP, failed.error());
    };
  }

  /**
   * The checks {@link #run} makes, for a dry run: the parameter as it is now.
   *
   * @throws NotRotatableException when the rotation would be refused
   */
  ParameterInfo requireRotatable(SecretEntry entry, boolean supplied) {
    ParameterInfo info = rotation.describe(entry).orElse(null);
    rotation
        .refusal(entry, info, supplied)
        .ifPresent(refused -> {
          throw new NotRotatableException(refused.name(), refused.detail());
        });
    return info;
  }
}
