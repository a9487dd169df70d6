package dev.keyturn.rotate.refusal;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.util.Optional;

/**
 * Whether a vendor-issued credential's last rotation is still short of {@code confirmed} (reads
 * only; the guard and {@code --force} share it). createSecret of a vendor-issued type retires the
 * credential the last rotation replaced (AWSPREVIOUS: IAM allows two keys per user), so a rotation
 * started before the last one is confirmed would retire a credential a consumer may still use.
 *
 * <p>{@code confirmed} within the retire grace is fine: the consumers were seen on the new
 * credential, which is the rule; the grace only delays the life cycle's own retire step, and
 * retiring it at createSecret instead is what happened before the life cycle. A run completed
 * before life cycles were recorded (no stage) is not held back: nothing could ever confirm it.
 */
public final class UnconfirmedCheck {

  private final Vendors vendors;
  private final RotationStore rotations;

  public UnconfirmedCheck(Vendors vendors, RotationStore rotations) {
    this.vendors = vendors;
    this.rotations = rotations;
  }

  /** Whether the entry's value is a credential only its vendor issues. No calls. */
  public boolean vendorIssued(SecretEntry entry) {
    return entry.generator() != null && vendors.issuerFor(entry.generator().type()).isPresent();
  }

  /**
   * The entry's last rotation when it is completed but not yet {@code confirmed} and the entry is
   * vendor-issued; empty otherwise. One read ({@link RotationStore#latest}) for a vendor-issued
   * entry, none for any other.
   */
  public Optional<LastRotation> unconfirmed(SecretEntry entry) {
    if (!vendorIssued(entry)) {
      return Optional.empty();
    }
    return unconfirmed(entry, rotations.latest(entry.name()));
  }

  /**
   * {@link #unconfirmed(SecretEntry)} for a caller that has already read the entry's last rotation
   * ({@code keyturn status} reads it once per entry for the life cycle too): no calls.
   */
  public Optional<LastRotation> unconfirmed(SecretEntry entry, Optional<LastRotation> latest) {
    return vendorIssued(entry)
        ? latest.filter(last -> beforeConfirmed(last.run()))
        : Optional.empty();
  }

  private static boolean beforeConfirmed(RotationRecord run) {
    return run.completed() && run.stage() != null && !run.stage().reached(LifecycleStage.CONFIRMED);
  }
}
