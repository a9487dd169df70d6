package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.supplied.SuppliedValues;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * keyturn plays Secrets Manager's part for one Secrets Manager entry: the four steps run here, in
 * order, through {@link RotationService#handleDriven}, without RotateSecret, so no rotation
 * function runs them at the same time. Used by {@code keyturn rotate --in-process} (generated and
 * vendor entries, only on secrets without a rotation Lambda) and by operator-assisted rotation (the
 * value a person supplied is stored as the new version's AWSPENDING value first, and createSecret
 * finds it there).
 *
 * <p>When it fails, it leaves nothing half-done that nobody knows about: a failure in the first
 * step (or, for a supplied value, in any step before finishSecret) takes AWSPENDING off the new
 * version again; any other failure keeps it, so the idempotent steps can resume it, and the result
 * says exactly what was left and which command resumes it.
 */
public final class DrivenRotation {

  /** Hears about every step that completed. */
  @FunctionalInterface
  public interface Listener {
    void step(String step, String outcome);
  }

  /** One completed step. */
  public record StepDone(String step, String outcome, Instant at) {}

  /**
   * How it ended.
   *
   * @param token the version rotated in (null when refused before one was chosen)
   * @param previous the AWSCURRENT version before
   * @param resumed true when an unfinished rotation's token was reused
   * @param failedStep the step that failed, or null
   * @param error the failure's name, or null
   * @param undone true when a failure's AWSPENDING label was taken off again
   * @param leftover what a failure left behind and how to resume it, or null
   */
  public record Result(
      String name,
      String token,
      String previous,
      boolean resumed,
      List<StepDone> steps,
      String failedStep,
      String error,
      boolean undone,
      String leftover) {

    public Result {
      steps = List.copyOf(steps);
    }

    public boolean succeeded() {
      return error == null;
    }
  }

  private final SecretStages secrets;
  private final RotationService service;
  private final Clock clock;

  public DrivenRotation(SecretStages secrets, RotationService service, Clock clock) {
    this.secrets = secrets;
    this.service = service;
    this.clock = clock;
  }

  /**
   * Rotates a generated or vendor entry here, or resumes an unfinished rotation of any entry (every
   * step is idempotent; a supplied value already stored is found by createSecret).
   *
   * @throws RotationFunctionAttachedException when the secret has a rotation Lambda
   */
  public Result rotate(SecretEntry entry, Listener listener) {
    SecretDescription d = secrets.require(entry.source().id());
    if (d.rotationLambdaArn() != null) {
      throw new RotationFunctionAttachedException(entry.name(), d.name(), d.rotationLambdaArn());
    }
    String previous = d.versionWith(Stages.CURRENT).orElse(null);
    var unfinished = d.unfinishedVersion();
    if (unfinished.isEmpty() && entry.mode() == RotationMode.OPERATOR) {
      throw new dev.keyturn.rotate.supplied.ValueNotSuppliedException(entry.name());
    }
    String token = unfinished.orElseGet(() -> UUID.randomUUID().toString());
    return steps(entry, d, token, previous, unfinished.isPresent(), false, listener);
  }

  /**
   * Rotates an operator-assisted entry to a value a person supplied: the checks of {@link
   * SuppliedValues} against AWSCURRENT, PutSecretValue of a new version labelled AWSPENDING, then
   * the four steps. Refused while an earlier rotation is unfinished.
   *
   * @throws UnfinishedRotationException while AWSPENDING is on another version
   */
  public Result rotateSupplied(SecretEntry entry, String value, Listener listener) {
    SecretDescription d = secrets.require(entry.source().id());
    d.unfinishedVersion()
        .ifPresent(v -> {
          throw new UnfinishedRotationException(entry.name(), v);
        });
    String previous =
        d.versionWith(Stages.CURRENT)
            .orElseThrow(() -> new CurrentVersionMissingException(entry.name()));
    String current =
        secrets
            .value(d.arn(), previous, Stages.CURRENT)
            .orElseThrow(() -> new CurrentVersionMissingException(entry.name()));
    SuppliedValues.check(entry, value, current);
    String token = UUID.randomUUID().toString();
    secrets.putPending(d.arn(), token, value, null);
    listener.step("putSecretValue", "version " + token + " AWSPENDING (the supplied value)");
    return steps(entry, d, token, previous, false, true, listener);
  }

  private Result steps(
      SecretEntry entry,
      SecretDescription d,
      String token,
      String previous,
      boolean resumed,
      boolean supplied,
      Listener listener) {
    List<StepDone> done = new ArrayList<>();
    for (RotationStep step : RotationStep.values()) {
      try {
        StepOutcome outcome = service.handleDriven(new RotationEvent(step, d.arn(), token, null));
        done.add(new StepDone(step.eventName(), outcome.outcome(), clock.instant()));
        listener.step(step.eventName(), outcome.outcome());
      } catch (RuntimeException failed) {
        boolean undo =
            step == RotationStep.CREATE_SECRET || (supplied && step != RotationStep.FINISH_SECRET);
        return failed(entry, d, token, previous, resumed, done, step, failed, undo);
      }
    }
    return new Result(entry.name(), token, previous, resumed, done, null, null, false, null);
  }

  private Result failed(
      SecretEntry entry,
      SecretDescription d,
      String token,
      String previous,
      boolean resumed,
      List<StepDone> done,
      RotationStep step,
      RuntimeException failed,
      boolean undo) {
    String error = ErrorNames.describe(failed);
    String resume = "keyturn rotate " + entry.name() + " --in-process resumes it";
    if (!undo) {
      return new Result(
          entry.name(),
          token,
          previous,
          resumed,
          done,
          step.eventName(),
          error,
          false,
          leftover(token, step) + ": " + resume + " (every step is idempotent)");
    }
    try {
      if (secrets.require(d.arn()).hasStage(token, Stages.PENDING)) {
        secrets.removeStage(d.arn(), Stages.PENDING, token);
      }
      return new Result(
          entry.name(), token, previous, resumed, done, step.eventName(), error, true, null);
    } catch (RuntimeException undoFailed) {
      return new Result(
          entry.name(),
          token,
          previous,
          resumed,
          done,
          step.eventName(),
          error,
          false,
          leftover(token, step)
              + " (taking the label off failed: "
              + ErrorNames.describe(undoFailed)
              + "): "
              + resume
              + ", or remove it: aws secretsmanager update-secret-version-stage --secret-id "
              + d.name()
              + " --version-stage AWSPENDING --remove-from-version-id "
              + token);
    }
  }

  private static String leftover(String token, RotationStep step) {
    return "version " + token + " is left AWSPENDING (failed at " + step.eventName() + ")";
  }
}
