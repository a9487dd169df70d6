package dev.keyturn.sync.plan;

/**
 * What the plan does with one config var. {@link #toString()} masks both values.
 *
 * @param var the config var
 * @param secretName the inventory entry it belongs to
 * @param action set, leave, or delete
 * @param reason why
 * @param sourceVersion the source version being published (null for a removal)
 * @param value the value to set (null for a removal or when unchanged is not needed)
 * @param currentValue Heroku's value now (null when absent)
 */
public record VarChange(
    String var,
    String secretName,
    Action action,
    Reason reason,
    String sourceVersion,
    String value,
    String currentValue) {

  /** What happens to the var. */
  public enum Action {
    SET,
    UNCHANGED,
    REMOVE
  }

  /** Why. */
  public enum Reason {
    /** Heroku does not have the var yet. */
    NEW,
    /** The source holds a new value (rotation, or keyturn never published it). */
    CHANGED,
    /** keyturn published this source version, but Heroku's value was changed since. */
    DRIFT,
    /** The old name of a renamed var, once the inventory no longer keeps it. */
    RENAMED,
    /** Heroku already has the source value. */
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
