package dev.keyturn.webhook;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.audit.RejectionTally;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rejected deliveries of known sources per source and minute in the container and writes the
 * counts in bulk, so a flood of forged requests costs a few table writes instead of one each. The
 * first rejection of a source's minute is written at once (an attack shows in the audit trail right
 * away); later ones are written when {@link #FLUSH_AFTER} has passed since the last write of that
 * tally, and a past minute's remainder by the next request of any kind. Counts still held when a
 * container is shut down are written by {@link #flushAll}; the {@code WebhooksRejected} metric
 * counts every rejection exactly in any case. Writing is best effort: a failed write keeps the
 * counts for the next attempt and never changes an answer.
 */
final class RejectionTallies {

  static final Duration FLUSH_AFTER = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(RejectionTallies.class);

  private record Key(String source, Instant minute) {}

  /** Counts not yet written, and when this tally was last written. */
  private static final class Pending {
    final Map<String, Long> counts = new LinkedHashMap<>();
    String firstRequestId;
    Instant firstAt;
    String lastRequestId;
    Instant lastAt;
    Instant writtenAt;

    boolean isEmpty() {
      return counts.isEmpty();
    }
  }

  private final RejectionCounts store;
  private final String actor;
  private final Map<Key, Pending> pending = new HashMap<>();

  RejectionTallies(RejectionCounts store, String actor) {
    this.store = store;
    this.actor = actor;
  }

  /** Counts one rejection of a known source. */
  synchronized void add(String source, String reason, String requestId, Instant now) {
    flushDue(now);
    Key key = new Key(source, now.truncatedTo(ChronoUnit.MINUTES));
    Pending tally = pending.computeIfAbsent(key, k -> new Pending());
    tally.counts.merge(reason, 1L, Long::sum);
    if (tally.firstRequestId == null) {
      tally.firstRequestId = requestId;
      tally.firstAt = now;
    }
    tally.lastRequestId = requestId;
    tally.lastAt = now;
    if (tally.writtenAt == null || !now.isBefore(tally.writtenAt.plus(FLUSH_AFTER))) {
      write(key, tally, now);
    }
  }

  /** Writes what is held for past minutes (called on every request: a cheap check). */
  synchronized void flushDue(Instant now) {
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    Iterator<Map.Entry<Key, Pending>> entries = pending.entrySet().iterator();
    List<Map.Entry<Key, Pending>> due = new ArrayList<>();
    while (entries.hasNext()) {
      Map.Entry<Key, Pending> entry = entries.next();
      if (entry.getKey().minute().isBefore(minute)) {
        due.add(entry);
      }
    }
    for (Map.Entry<Key, Pending> entry : due) {
      if (entry.getValue().isEmpty() || write(entry.getKey(), entry.getValue(), now)) {
        pending.remove(entry.getKey());
      }
    }
  }

  /** Writes everything held (container shutdown). */
  synchronized void flushAll(Instant now) {
    pending
        .entrySet()
        .removeIf(e -> e.getValue().isEmpty() || write(e.getKey(), e.getValue(), now));
  }

  private boolean write(Key key, Pending tally, Instant now) {
    try {
      store.add(
          new RejectionTally(
              key.source(),
              key.minute(),
              actor,
              tally.counts,
              tally.firstRequestId,
              tally.firstAt,
              tally.lastRequestId,
              tally.lastAt));
      tally.counts.clear();
      tally.firstRequestId = null;
      tally.firstAt = null;
      tally.writtenAt = now;
      return true;
    } catch (RuntimeException e) {
      // kept for the next write; a failing audit table must not turn a 4xx into a 5xx
      log.error(
          "webhook rejection counts not written {} {} {}",
          kv("event", "webhook.audit-failed"),
          kv("source", key.source()),
          kv("error", e.getClass().getSimpleName()));
      return false;
    }
  }
}
