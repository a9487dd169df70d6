package dev.keyturn.rotate.sweep;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.SecretEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Warns about tokens that expire soon: an entry whose {@code expiresAt} is within {@link #WINDOW}
 * or already past gets a {@code SecretExpiring} event and an audit event, on every sweep until
 * someone replaces the token and updates the inventory.
 */
final class ExpiryAlerts {

  static final Duration WINDOW = Duration.ofDays(14);

  private final AuditLog audit;
  private final EventPublisher events;
  private final String actor;

  ExpiryAlerts(AuditLog audit, EventPublisher events, String actor) {
    this.audit = audit;
    this.events = events;
    this.actor = actor;
  }

  /** Alerts when the entry expires within the window; returns whether it did. */
  boolean alertIfExpiring(SecretEntry entry, Instant now) {
    Optional<Instant> expiry = entry.expiry();
    if (expiry.isEmpty() || expiry.get().isAfter(now.plus(WINDOW))) {
      return false;
    }
    boolean expired = !expiry.get().isAfter(now);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("secretName", entry.name());
    detail.put("sourceId", entry.source() == null ? "" : entry.source().id());
    detail.put("expiresAt", expiry.get().toString());
    detail.put("expired", Boolean.toString(expired));
    detail.put("daysLeft", Long.toString(Duration.between(now, expiry.get()).toDays()));
    events.publish(
        EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_EXPIRING, detail);
    audit.record(
        AuditEvent.of(now, actor, "expiry.check", entry.name(), expired ? "expired" : "expiring")
            .withDetail(detail));
    return true;
  }
}
