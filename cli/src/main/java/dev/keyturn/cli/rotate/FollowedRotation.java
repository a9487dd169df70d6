package dev.keyturn.cli.rotate;

import dev.keyturn.cli.format.Dates;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.protocol.RotationStep;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rotates through Secrets Manager: RotateSecret, then follows the deployed rotation function by
 * polling its {@code ROTATION#<token>} record (step, status, error) and the secret's labels, until
 * the token is AWSCURRENT with no AWSPENDING left and the record says completed, the record says
 * failed, or the timeout passes.
 */
final class FollowedRotation {

  static final String FAILED = "failed";
  static final String COMPLETED = "completed";

  private final RotationStarter sm;
  private final RotationStore rotations;
  private final Progress progress;
  private final Duration timeout;
  private final Duration pollInterval;

  FollowedRotation(
      RotationStarter sm,
      RotationStore rotations,
      Progress progress,
      Duration timeout,
      Duration pollInterval) {
    this.sm = sm;
    this.rotations = rotations;
    this.progress = progress;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
  }

  RotationReport run(SecretEntry entry, SecretDescription d, String lambdaArnOption) {
    var report =
        new RotationReport.Builder(
            entry.name(), entry.source().id(), "secrets-manager", entry.mode().label());
    RotationStart.Started started = RotationStart.fresh(sm, entry, d, lambdaArnOption, progress);
    report.version(started.token(), started.previous());
    progress.say("  waiting for the rotation function (timeout %s)", human(timeout));
    return follow(entry.name(), d.arn(), started.token(), report);
  }

  private RotationReport follow(
      String name, String arn, String token, RotationReport.Builder report) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<RotationRecord> record = rotations.rotation(name, token);
      record.ifPresent(r -> printNewSteps(r, report));
      if (record.isPresent() && FAILED.equals(record.get().status())) {
        return report.failed(record.get().step(), record.get().error());
      }
      boolean labelsDone = sm.describe(arn).map(d -> d.finishedRotation(token)).orElse(false);
      if (labelsDone && record.map(r -> COMPLETED.equals(r.status())).orElse(false)) {
        return report.done();
      }
      if (System.nanoTime() - deadline > 0) {
        String at =
            report.lastStep() == null ? "before createSecret" : "after " + report.lastStep();
        return report.failed(
            null,
            "timed out after "
                + human(timeout)
                + " "
                + at
                + (labelsDone ? " (the labels moved, the record is not completed)" : ""));
      }
      sleep();
    }
  }

  private void printNewSteps(RotationRecord r, RotationReport.Builder report) {
    for (RotationStep step : RotationStep.values()) {
      Instant at = r.stepTimes().get(step.eventName());
      if (at != null && !report.has(step.eventName())) {
        report.step(step.eventName(), "ok", at);
        progress.step(step.eventName(), "at " + Dates.time(at));
      }
    }
  }

  private void sleep() {
    try {
      Thread.sleep(pollInterval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while following the rotation");
    }
  }

  static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
