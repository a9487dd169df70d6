package dev.keyturn.state;

import java.util.Locale;

/**
 * Where a completed rotation stands after finishSecret, in order; a rotation only ever moves
 * forward ({@link RotationStore#advance}).
 */
public enum LifecycleStage {
  /** The new version is current (finishSecret, or the sweep's SSM rotation, completed). */
  FINISHED,
  /** Every sink of the entry records the new version. */
  PUBLISHED,
  /** Every consumer and webhook sender is seen using the new version. */
  CONFIRMED,
  /** The old credential is gone (AWSPREVIOUS evicted, or the vendor credential retired). */
  RETIRED;

  /** The stage's name as stored and shown: {@code finished}, {@code published}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stage named by {@link #label()}. */
  public static LifecycleStage of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** Whether this stage is {@code other} or further. */
  public boolean reached(LifecycleStage other) {
    return compareTo(other) >= 0;
  }
}
