package dev.keyturn.secrets;

import java.util.Optional;

/**
 * The Secrets Manager operations a rotation needs, and nothing else. Values are only ever read by
 * an explicit version id and stage, never "whatever is current", so a stage move between two calls
 * cannot make one step read another step's value. Every write is idempotent: repeating it (a retry
 * after an attempt that was applied but not answered) leaves the secret as one call would.
 */
public interface SecretStages extends SecretDescriber {

  /**
   * The value stored at a version, which must also carry {@code stage}.
   *
   * @return empty when that version has no value (yet) or does not carry the stage
   */
  Optional<String> value(String secretId, String versionId, String stage);

  /**
   * Stores the value of the version {@code token} and labels it AWSPENDING. Repeating the call with
   * the same token and value is harmless (Secrets Manager treats it as the same request).
   *
   * @param rotationToken the event's RotationToken, passed through when present; may be null
   */
  void putPending(String secretId, String token, String value, String rotationToken);

  /**
   * Moves {@code stage} to {@code toVersionId}, taking it off {@code fromVersionId}; done already
   * (the stage is on {@code toVersionId} and off {@code fromVersionId}) counts as done.
   */
  void moveStage(String secretId, String stage, String toVersionId, String fromVersionId);

  /** Takes {@code stage} off {@code fromVersionId}; a stage that is not there counts as removed. */
  void removeStage(String secretId, String stage, String fromVersionId);
}
