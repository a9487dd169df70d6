package dev.keyturn.state;

import java.time.Instant;
import java.util.Map;

/**
 * One rotation run.
 *
 * @param secretName the inventory entry
 * @param token the ClientRequestToken (the new version id)
 * @param step the last step reached (createSecret, setSecret, testSecret, finishSecret, sweep)
 * @param status {@code started}, {@code ok}, {@code failed}, {@code completed}
 * @param startedAt when the run was first recorded
 * @param updatedAt when it was last updated
 * @param stepTimes when each step last reached {@code ok}
 * @param error the last failure's name (exception type and a message without values), or null
 */
public record RotationRecord(
    String secretName,
    String token,
    String step,
    String status,
    Instant startedAt,
    Instant updatedAt,
    Map<String, Instant> stepTimes,
    String error) {

  public RotationRecord {
    stepTimes = Map.copyOf(stepTimes);
  }

  /** One step's progress, as written by {@link RotationStore#recordStep}. */
  public record StepUpdate(
      String secretName, String token, String step, String status, Instant at, String error) {}
}
