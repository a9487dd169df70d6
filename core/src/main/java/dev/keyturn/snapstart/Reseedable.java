package dev.keyturn.snapstart;

/**
 * Holds randomness that must not be shared by the copies SnapStart restores from one snapshot.
 * {@link SnapStartHooks} calls {@link #reseed()} before the snapshot and after every restore.
 */
public interface Reseedable {

  /** Forgets the current generator; the next use creates a freshly seeded one. */
  void reseed();
}
