package dev.keyturn.audit;

import java.time.Instant;
import java.util.List;

/** Append-only audit trail. */
public interface AuditLog {

  void record(AuditEvent event);

  /** Records several events (one per entry a command read), oldest first. */
  default void recordAll(List<AuditEvent> events) {
    events.forEach(this::record);
  }

  /**
   * Events since an instant, oldest first, optionally only for one subject.
   *
   * @param subject a secret name, app or webhook source; null for all
   */
  List<AuditEvent> since(Instant since, String subject, int limit);
}
