package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.protocol.DrivenRotation;
import dev.keyturn.secrets.SecretDescription;

/**
 * {@code --in-process}: this process plays Secrets Manager's part through the rotate module's
 * {@link DrivenRotation}: the four steps run here, in order, without RotateSecret, so no rotation
 * function runs them too. Refused on a secret that has a rotation Lambda. An unfinished rotation is
 * resumed with its token. A failure says what it undid or what it left and how to resume it.
 */
final class InProcessRotation {

  private final DrivenRotation driven;
  private final Progress progress;

  InProcessRotation(DrivenRotation driven, Progress progress) {
    this.driven = driven;
    this.progress = progress;
  }

  RotationReport run(SecretEntry entry, SecretDescription d) {
    var report =
        new RotationReport.Builder(
            entry.name(), entry.source().id(), "in-process", entry.mode().label());
    d.unfinishedVersion()
        .ifPresent(v -> progress.say("  resuming the unfinished rotation of version %s", v));
    DrivenRotation.Result r = driven.rotate(entry, progress::step);
    return Reports.of(report, r);
  }
}
