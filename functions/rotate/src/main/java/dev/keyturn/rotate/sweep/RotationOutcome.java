package dev.keyturn.rotate.sweep;

import java.time.Instant;

/** How one "rotate this SSM entry now" ended. Names and versions only, never a value. */
public sealed interface RotationOutcome {

  /** The inventory entry it was about. */
  String name();

  /**
   * A new version holds a new value, labelled {@code current}; the old one is {@code previous}.
   *
   * @param previousVersion the version that was current before
   * @param version the new version
   * @param at when the rotation ran (the audit event's and the record's time)
   */
  record Rotated(String name, long previousVersion, long version, Instant at)
      implements RotationOutcome {}

  /**
   * Nothing was attempted: the entry or its parameter cannot be rotated as things stand.
   *
   * @param detail the reason in words, naming the entry's tag or parameter (never a value)
   */
  record NotRotatable(String name, Reason reason, String detail) implements RotationOutcome {}

  /**
   * The rotation was attempted and failed; the failure is audited. A new version may exist, but the
   * rotation is not recorded, so the entry stays due and the next sweep rotates it again.
   *
   * @param error the failure's name (keyturn's own message, or the exception type)
   */
  record Failed(String name, String error) implements RotationOutcome {}

  /** Why an entry is not rotatable. */
  enum Reason {
    /** The entry's rotation tag has no cadence ({@code non-rotating} or missing). */
    NON_ROTATING,
    /** keyturn does not make this entry's value (no generator) and none was supplied. */
    NO_GENERATOR,
    /** A value was supplied for an entry whose value keyturn makes (it has a generator). */
    HAS_GENERATOR,
    /** The parameter does not exist. */
    MISSING,
    /** The parameter is a String or StringList, which keyturn never rotates. */
    NOT_SECURE_STRING,
    /**
     * A precheck refused it before anything was written: a webhook sender keyturn cannot reach is
     * not seen signing with the current version ({@code keyturn rotate NAME --force} overrides).
     */
    REFUSED
  }
}
