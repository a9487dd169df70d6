package dev.keyturn.sync.plan;

import java.time.Instant;

/**
 * What the plan does with one variable. {@link #toString()} masks both values.
 *
 * @param var the variable
 * @param secretName the inventory entry it belongs to
 * @param action set, leave, or delete
 * @param reason why
 * @param sourceVersion the source version being published (null for a removal)
 * @param value the value to set (null for a removal)
 * @param currentValue the target's value now (null when absent, or when the target never returns
 *     values)
 * @param digest for targets that never return values: the keyed digest of {@code value}, recorded
 *     once it is published; else null
 * @param remoteUpdatedAt the target's {@code updated_at} for the variable, when it says; else null
 * @param present whether the target has the variable now
 * @param sourceId where the value is read (Secrets Manager name/ARN or SSM path; for an entry with
 *     one source per environment, that environment's); null for a removal
 */
public record VarChange(
    String var,
    String secretName,
    Action action,
    Reason reason,
    String sourceVersion,
    String value,
    String currentValue,
    String digest,
    Instant remoteUpdatedAt,
    boolean present,
    String sourceId) {

  public VarChange(
      String var,
      String secretName,
      Action action,
      Reason reason,
      String sourceVersion,
      String value,
      String currentValue) {
    this(
        var,
        secretName,
        action,
        reason,
        sourceVersion,
        value,
        currentValue,
        null,
        null,
        currentValue != null,
        null);
  }

  /** What happens to the var. */
  public enum Action {
    SET,
    UNCHANGED,
    REMOVE
  }

  /** Why. */
  public enum Reason {
    /** The target does not have the var yet. */
    NEW,
    /** The source holds a new value (rotation, or keyturn never published it). */
    CHANGED,
    /** keyturn published this value, but the target's was changed or deleted since. */
    DRIFT,
    /** The old name of a renamed var, once the inventory no longer keeps it. */
    RENAMED,
    /** The target already has the source value. */
    IN_SYNC
  }

  public boolean changes() {
    return action != Action.UNCHANGED;
  }

  @Override
  public String toString() {
    return "VarChange[var=%s, secret=%s, %s %s, sourceVersion=%s, value=%s, current=%s]"
        .formatted(
            var, secretName, action, reason, sourceVersion, Mask.of(value), Mask.of(currentValue));
  }
}
