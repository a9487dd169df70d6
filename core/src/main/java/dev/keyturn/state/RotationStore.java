package dev.keyturn.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Progress of rotations ({@code ROTATION#<token>}) and when each secret last rotated. A run whose
 * step is recorded {@code completed} enters the life cycle at {@link LifecycleStage#FINISHED} (in
 * the same write), and moves on by {@link #advance}, never backwards.
 */
public interface RotationStore {

  /**
   * Records that a step of one rotation reached a status; creates the record on first use. Status
   * {@code completed} also sets the life-cycle stage {@code finished} and its time, unless a stage
   * is recorded already.
   */
  void recordStep(RotationRecord.StepUpdate update);

  Optional<RotationRecord> rotation(String secretName, String token);

  /** Marks a rotation as completed and the secret as rotated at that instant. */
  void recordRotated(String secretName, String token, String versionId, Instant at);

  /** When keyturn last completed a rotation of this secret. */
  Optional<Instant> lastRotated(String secretName);

  /**
   * Moves a completed rotation's life cycle to {@code stage}, recording {@code at} as the time it
   * was reached, unless the rotation is at that stage or further already (a repeat, or a late
   * writer, never moves it back).
   *
   * @return the stage after the call; empty when no completed run has the token
   */
  Optional<LifecycleStage> advance(
      String secretName, String token, LifecycleStage stage, Instant at);

  /**
   * The secret's last completed rotation ({@link #recordRotated}'s token and version) with its run,
   * if both are recorded.
   */
  Optional<LastRotation> latest(String secretName);
}
