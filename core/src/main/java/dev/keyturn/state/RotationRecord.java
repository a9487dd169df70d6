package dev.keyturn.state;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
 * @param stage the life-cycle stage, from {@code finished} once the rotation completed; null before
 *     (and for a run completed before keyturn recorded life cycles)
 * @param stageTimes when each life-cycle stage was reached
 */
public record RotationRecord(
    String secretName,
    String token,
    String step,
    String status,
    Instant startedAt,
    Instant updatedAt,
    Map<String, Instant> stepTimes,
    String error,
    LifecycleStage stage,
    Map<LifecycleStage, Instant> stageTimes) {

  public RotationRecord {
    stepTimes = Map.copyOf(stepTimes);
    stageTimes = stageTimes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(stageTimes));
  }

  /** A run without a life cycle yet. */
  public RotationRecord(
      String secretName,
      String token,
      String step,
      String status,
      Instant startedAt,
      Instant updatedAt,
      Map<String, Instant> stepTimes,
      String error) {
    this(secretName, token, step, status, startedAt, updatedAt, stepTimes, error, null, Map.of());
  }

  /**
   * Whether the rotation completed (finishSecret or the sweep's rotation), so its life cycle runs.
   */
  public boolean completed() {
    return "completed".equals(status);
  }

  /** When the current stage was reached (a run completed before life cycles: its last update). */
  public Instant stageSince() {
    Instant at = stage == null ? null : stageTimes.get(stage);
    return at != null ? at : updatedAt;
  }

  /** When the rotation finished: the {@code finished} stage's time, else its last update. */
  public Instant finishedAt() {
    return stageTimes.getOrDefault(LifecycleStage.FINISHED, updatedAt);
  }

  /**
   * Whether a completed rotation has waited longer than {@code deadline} since it finished without
   * reaching {@code confirmed}.
   */
  public boolean stuck(Instant now, Duration deadline) {
    return completed()
        && (stage == null || !stage.reached(LifecycleStage.CONFIRMED))
        && finishedAt().plus(deadline).isBefore(now);
  }

  /** One step's progress, as written by {@link RotationStore#recordStep}. */
  public record StepUpdate(
      String secretName, String token, String step, String status, Instant at, String error) {}
}
