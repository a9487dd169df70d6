package dev.keyturn.cli.status;

import dev.keyturn.cli.status.EntryStatus.ExpiryStatus;
import dev.keyturn.cli.status.EntryStatus.RotationStatus;
import dev.keyturn.inventory.Cadence;
import dev.keyturn.inventory.Expiry;
import dev.keyturn.inventory.SecretEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When an entry is due for rotation and whether its token is expiring, as the sweep sees it. */
final class Schedule {

  /** The sweep's expiry warning window. */
  static final Duration EXPIRY_WINDOW = Duration.ofDays(14);

  static final String BY_KEYTURN = "keyturn";
  static final String BY_SOURCE = "source";

  private Schedule() {}

  /**
   * @param keyturnRotated when keyturn last completed a rotation, if ever
   * @param sourceChanged when the source says its value last changed; null if unknown
   */
  static RotationStatus rotation(
      SecretEntry entry, Optional<Instant> keyturnRotated, Instant sourceChanged, Instant now) {
    String tag = entry.tags().rotation().orElse(null);
    Optional<Duration> interval =
        Optional.ofNullable(tag).flatMap(Cadence::fromTag).flatMap(Cadence::interval);
    Instant last = keyturnRotated.orElse(sourceChanged);
    String by = keyturnRotated.isPresent() ? BY_KEYTURN : last == null ? null : BY_SOURCE;
    Instant next = interval.isPresent() && last != null ? last.plus(interval.get()) : null;
    boolean due = interval.isPresent() && (next == null || !now.isBefore(next));
    return new RotationStatus(tag, last, by, next, due);
  }

  static ExpiryStatus expiry(SecretEntry entry, Instant now) {
    Optional<Instant> at = Expiry.parse(entry.expiresAt()).flatMap(Expiry::instant);
    if (at.isEmpty()) {
      return new ExpiryStatus(entry.expiresAt(), null, null, false, false);
    }
    long daysLeft = Duration.between(now, at.get()).toDays();
    boolean expiring = !now.plus(EXPIRY_WINDOW).isBefore(at.get());
    return new ExpiryStatus(
        entry.expiresAt(), at.get(), daysLeft, expiring, !now.isBefore(at.get()));
  }
}
