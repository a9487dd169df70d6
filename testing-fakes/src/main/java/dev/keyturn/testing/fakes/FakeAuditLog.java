package dev.keyturn.testing.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit trail in memory, read like {@code DynamoAuditLog}: {@link #since} is inclusive of its
 * instant, oldest first (events of the same instant in the order recorded; the table leaves their
 * order open), filtered by subject, at most {@code limit}, and only up to today's UTC date (the
 * table is read one day partition at a time, up to today).
 */
public final class FakeAuditLog extends FakePort implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    enter("record");
    events.add(event);
  }

  @Override
  public synchronized List<AuditEvent> since(Instant since, String subject, int limit) {
    enter("since");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return events.stream()
        .filter(e -> !e.at().isBefore(since))
        .filter(e -> !e.at().atOffset(ZoneOffset.UTC).toLocalDate().isAfter(today))
        .filter(e -> subject == null || subject.equals(e.subject()))
        .sorted(Comparator.comparing(AuditEvent::at))
        .limit(limit)
        .toList();
  }

  /** Every event, in the order recorded. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** Forgets every event. */
  public synchronized void clear() {
    events.clear();
  }

  /** The events of one action, in the order recorded. */
  public synchronized List<AuditEvent> actions(String action) {
    return events.stream().filter(e -> e.action().equals(action)).toList();
  }
}
