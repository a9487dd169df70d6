package dev.keyturn.testing.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.audit.RejectionTally;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The audit trail and the webhook's rejection tallies in memory, read like {@code DynamoAuditLog}
 * and written like {@code DynamoRejectionCounts}. {@link #since} is inclusive of its instant,
 * oldest first (events of the same instant in the order recorded; the table leaves their order
 * open), filtered by subject, at most {@code limit}, and only up to today's UTC date (the table is
 * read one day partition at a time, up to today). Tallies of one source and minute add up into one
 * event ({@code webhook.rejected}, outcome {@code aggregate}, at the minute's start, listed when
 * the minute is not before {@code since}'s): counts by reason and {@code total} summed, the first
 * request kept, the last and the actor replaced.
 */
public final class FakeAuditLog extends FakePort implements AuditLog, RejectionCounts {

  /** What the table's tally item holds: the minute, the sums, the first and last requests. */
  private record Aggregate(
      String source,
      Instant minute,
      String actor,
      Map<String, Long> counts,
      String firstRequestId,
      Instant firstAt,
      String lastRequestId,
      Instant lastAt) {

    AuditEvent event() {
      Map<String, String> detail = new LinkedHashMap<>();
      counts.forEach((reason, n) -> detail.put(reason, Long.toString(n)));
      detail.put("total", Long.toString(counts.values().stream().mapToLong(n -> n).sum()));
      detail.put("firstRequestId", firstRequestId);
      detail.put("firstAt", firstAt.toString());
      detail.put("lastRequestId", lastRequestId);
      detail.put("lastAt", lastAt.toString());
      return new AuditEvent(
          minute, actor, RejectionTally.ACTION, source, "aggregate", List.of(), detail);
    }
  }

  private final List<AuditEvent> events = new ArrayList<>();
  private final List<RejectionTally> tallies = new ArrayList<>();
  private final Map<String, Aggregate> aggregates = new LinkedHashMap<>();

  @Override
  public synchronized void record(AuditEvent event) {
    enter("record");
    events.add(event);
  }

  @Override
  public synchronized void add(RejectionTally tally) {
    enter("add");
    tallies.add(tally);
    String id = tally.source() + "\n" + tally.minute();
    Aggregate old = aggregates.get(id);
    Map<String, Long> counts = new TreeMap<>(old == null ? Map.of() : old.counts());
    tally.counts().forEach((reason, n) -> counts.merge(reason, n, Long::sum));
    aggregates.put(
        id,
        new Aggregate(
            tally.source(),
            tally.minute(),
            tally.actor(),
            counts,
            old == null ? tally.firstRequestId() : old.firstRequestId(),
            old == null ? tally.firstAt() : old.firstAt(),
            tally.lastRequestId(),
            tally.lastAt()));
  }

  @Override
  public synchronized List<AuditEvent> since(Instant since, String subject, int limit) {
    enter("since");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant minute = since.truncatedTo(ChronoUnit.MINUTES);
    Stream<AuditEvent> recorded = events.stream().filter(e -> !e.at().isBefore(since));
    Stream<AuditEvent> tallied =
        aggregates.values().stream()
            .filter(a -> !a.minute().isBefore(minute))
            .map(Aggregate::event);
    return Stream.concat(recorded, tallied)
        .filter(e -> !e.at().atOffset(ZoneOffset.UTC).toLocalDate().isAfter(today))
        .filter(e -> subject == null || subject.equals(e.subject()))
        .sorted(Comparator.comparing(AuditEvent::at))
        .limit(limit)
        .toList();
  }

  /** Every event recorded, in order (tallies not included: see {@link #tallies()}). */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** Every tally added, in order, as given. */
  public synchronized List<RejectionTally> tallies() {
    return List.copyOf(tallies);
  }

  /** The reason of every rejection tallied so far, once per rejection, in the order added. */
  public synchronized List<String> rejectedReasons() {
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

  /** Forgets every event and tally. */
  public synchronized void clear() {
    events.clear();
    tallies.clear();
    aggregates.clear();
  }

  /** The events of one action, in the order recorded. */
  public synchronized List<AuditEvent> actions(String action) {
    return events.stream().filter(e -> e.action().equals(action)).toList();
  }
}
