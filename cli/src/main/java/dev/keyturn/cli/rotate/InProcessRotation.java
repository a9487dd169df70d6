package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.protocol.ErrorNames;
import dev.keyturn.rotate.protocol.RotationEvent;
import dev.keyturn.rotate.protocol.RotationService;
import dev.keyturn.rotate.protocol.RotationStep;
import dev.keyturn.rotate.protocol.StepOutcome;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretDescription;
import java.time.Clock;

/**
 * Plays Secrets Manager's part here: after RotateSecret has labelled the new version AWSPENDING,
 * this process sends the four step events to the rotate function's own {@link RotationService}, in
 * order, as Secrets Manager would send them to the Lambda. For emulators and for secrets whose
 * rotation Lambda does nothing; with keyturn's rotate function attached, both would run the steps.
 */
final class InProcessRotation {

  private final RotationStarter sm;
  private final RotationService service;
  private final Clock clock;
  private final Progress progress;

  InProcessRotation(RotationStarter sm, RotationService service, Clock clock, Progress progress) {
    this.sm = sm;
    this.service = service;
    this.clock = clock;
    this.progress = progress;
  }

  RotationReport run(SecretEntry entry, SecretDescription d, String lambdaArnOption) {
    var report = new RotationReport.Builder(entry.name(), entry.source().id(), "in-process");
    RotationStart.Started started =
        RotationStart.freshOrResume(sm, entry, d, lambdaArnOption, progress);
    report.version(started.token(), started.previous());
    for (RotationStep step : RotationStep.values()) {
      StepOutcome outcome;
      try {
        outcome = service.handle(new RotationEvent(step, d.arn(), started.token(), null));
      } catch (RuntimeException e) {
        return report.failed(step.eventName(), ErrorNames.describe(e));
      }
      report.step(step.eventName(), outcome.outcome(), clock.instant());
      progress.step(step.eventName(), outcome.outcome());
    }
    return Labels.confirm(sm, d.arn(), started.token(), report);
  }
}
