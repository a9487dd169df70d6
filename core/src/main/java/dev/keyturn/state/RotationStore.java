package dev.keyturn.state;

import java.time.Instant;
import java.util.Optional;

/** Progress of rotations ({@code ROTATION#<token>}) and when each secret last rotated. */
public interface RotationStore {

  /** Records that a step of one rotation reached a status; creates the record on first use. */
  void recordStep(RotationRecord.StepUpdate update);

  Optional<RotationRecord> rotation(String secretName, String token);

  /** Marks a rotation as completed and the secret as rotated at that instant. */
  void recordRotated(String secretName, String token, String versionId, Instant at);

  /** When keyturn last completed a rotation of this secret. */
  Optional<Instant> lastRotated(String secretName);
}
