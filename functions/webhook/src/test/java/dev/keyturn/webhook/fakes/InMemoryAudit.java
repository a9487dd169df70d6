package dev.keyturn.webhook.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.audit.RejectionTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail and its rejection tallies in memory; can be made to fail. */
public final class InMemoryAudit implements AuditLog, RejectionCounts {

  private final List<AuditEvent> events = new ArrayList<>();
  private final List<RejectionTally> tallies = new ArrayList<>();
  private boolean failing;

  @Override
  public void record(AuditEvent event) {
    if (failing) {
      throw new IllegalStateException("audit table unavailable (test)");
    }
    events.add(event);
  }

  @Override
  public void add(RejectionTally tally) {
    if (failing) {
      throw new IllegalStateException("audit table unavailable (test)");
    }
    tallies.add(tally);
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

  /** Every tally write, in order. */
  public List<RejectionTally> tallies() {
    return tallies;
  }

  /** The reason of every rejection written so far, once per rejection, in a stable order. */
  public List<String> rejectedReasons() {
    List<String> reasons = new ArrayList<>();
    for (RejectionTally tally : tallies) {
      tally
          .counts()
          .forEach((reason, n) -> {
            for (long i = 0; i < n; i++) {
              reasons.add(reason);
            }
          });
    }
    return reasons;
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }
}
