package dev.keyturn.rotate.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audit events in a list. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public void record(AuditEvent event) {
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
    return List.copyOf(events);
  }
}
