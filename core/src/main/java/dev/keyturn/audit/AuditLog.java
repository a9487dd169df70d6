package dev.keyturn.audit;

import java.time.Instant;
import java.util.List;

/** Append-only audit trail. */
public interface AuditLog {

  void record(AuditEvent event);

  /**
   * Events since an instant, oldest first, optionally only for one subject.
   *
   * @param subject a secret name, app or webhook source; null for all
   */
  List<AuditEvent> since(Instant since, String subject, int limit);
}
