package dev.keyturn.webhook.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in memory; can be made to fail. */
public final class InMemoryAudit implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();
  private boolean failing;

  @Override
  public void record(AuditEvent event) {
    if (failing) {
      throw new IllegalStateException("audit table unavailable (test)");
    }
    events.add(event);
  }

  @Override
  public List<AuditEvent> since(Instant since, String subject, int limit) {
    return events.stream()
        .filter(e -> !e.at().isBefore(since))
        .filter(e -> subject == null || subject.equals(e.subject()))
        .limit(limit)
        .toList();
  }

  public List<AuditEvent> events() {
    return events;
  }

  public List<AuditEvent> actions(String action) {
    return events.stream().filter(e -> e.action().equals(action)).toList();
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }
}
