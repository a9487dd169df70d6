package dev.keyturn.rotate.operator;

import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.rotate.protocol.DrivenRotation;
import dev.keyturn.rotate.sweep.ParameterRotation;
import dev.keyturn.rotate.sweep.RotationOutcome;
import dev.keyturn.state.RetireTask;
import java.util.List;

/**
 * Operator-assisted rotation (seed 004 D4/D7, "a registered generator or interactive prompt"): a
 * person created the new credential at the vendor and hands it over; keyturn puts it through the
 * same protocol as a generated value, so the audit trail, {@code SecretRotated}, sync and the
 * webhook overlap behave the same, then records the task to revoke the old credential at the
 * vendor. Secrets Manager entries: {@link DrivenRotation#rotateSupplied} (the value becomes the new
 * version's AWSPENDING value, then createSecret, setSecret, testSecret, finishSecret). SSM entries:
 * {@link ParameterRotation} with the supplied value.
 */
public final class OperatorRotation {

  /** How it ended. */
  public sealed interface Outcome {
    String name();
  }

  /**
   * @param version the new version (Secrets Manager version id or SSM version number)
   * @param previous the version it replaced
   * @param steps the steps that ran, in order
   * @param task the retire-at-vendor task now open
   */
  public record Rotated(
      String name,
      String version,
      String previous,
      List<DrivenRotation.StepDone> steps,
      RetireTask task)
      implements Outcome {}

  /**
   * @param step the step that failed
   * @param error its name
   * @param undone whether the new version's AWSPENDING label was taken off again
   * @param leftover what was left and how to resume it, or null
   */
  public record Failed(
      String name,
      String step,
      String error,
      List<DrivenRotation.StepDone> steps,
      boolean undone,
      String leftover)
      implements Outcome {}

  /** Nothing was attempted: {@code reason} says why, naming the entry (never a value). */
  public record Refused(String name, String reason) implements Outcome {}

  private final DrivenRotation secretsManager;
  private final ParameterRotation parameters;
  private final RetireTasks tasks;

  public OperatorRotation(
      DrivenRotation secretsManager, ParameterRotation parameters, RetireTasks tasks) {
    this.secretsManager = secretsManager;
    this.parameters = parameters;
    this.tasks = tasks;
  }

  /**
   * @throws NotOperatorAssistedException when the entry's mode is not operator
   */
  public Outcome rotate(SecretEntry entry, String value, DrivenRotation.Listener listener) {
    if (entry.mode() != RotationMode.OPERATOR) {
      throw new NotOperatorAssistedException(entry.name(), entry.mode());
    }
    Outcome outcome =
        switch (entry.source()) {
          case Source.SecretsManager sm -> secretsManager(entry, value, listener);
          case Source.SsmParameter p -> parameter(entry, value, listener);
        };
    if (outcome instanceof Rotated r) {
      return new Rotated(
          r.name(),
          r.version(),
          r.previous(),
          r.steps(),
          tasks.record(entry, r.previous(), r.version()));
    }
    return outcome;
  }

  private Outcome secretsManager(
      SecretEntry entry, String value, DrivenRotation.Listener listener) {
    DrivenRotation.Result r = secretsManager.rotateSupplied(entry, value, listener);
    if (!r.succeeded()) {
      return new Failed(r.name(), r.failedStep(), r.error(), r.steps(), r.undone(), r.leftover());
    }
    return new Rotated(r.name(), r.token(), r.previous(), r.steps(), null);
  }

  private Outcome parameter(SecretEntry entry, String value, DrivenRotation.Listener listener) {
    return switch (parameters.rotateNow(entry, value)) {
      case RotationOutcome.Rotated r -> {
        String version = Long.toString(r.version());
        var step = new DrivenRotation.StepDone("sweep", "put version " + version, r.at());
        listener.step("put", "version " + version + " (the supplied value), labelled current");
        yield new Rotated(
            r.name(), version, Long.toString(r.previousVersion()), List.of(step), null);
      }
      case RotationOutcome.NotRotatable refused -> new Refused(refused.name(), refused.detail());
      case RotationOutcome.Failed failed ->
          new Failed(failed.name(), "sweep", failed.error(), List.of(), false, null);
    };
  }
}
