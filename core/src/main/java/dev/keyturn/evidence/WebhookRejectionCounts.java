package dev.keyturn.evidence;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.RejectionTally;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Webhook rejections of a period, per source and reason, read from the audit trail. The webhook
 * function writes rejections of a known source as tallies (one {@code webhook.rejected} event per
 * source and minute, outcome {@code aggregate}, the counts by reason code in its detail), so one
 * event may stand for many rejections: counting events would undercount a flood. An older single
 * {@code webhook.rejected} event counts once, under its outcome (the reason code).
 */
final class WebhookRejectionCounts {

  /** A tally event's outcome. */
  static final String AGGREGATE = "aggregate";

  /**
   * Reason codes are enum names; the tally's other detail (total, request ids, instants) is not.
   */
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]*");

  private WebhookRejectionCounts() {}

  /** Source to reason code to rejections, both sorted by name. */
  static Map<String, Map<String, Long>> bySource(List<AuditEvent> events) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (AuditEvent e : events) {
      if (!RejectionTally.ACTION.equals(e.action())) {
        continue;
      }
      Map<String, Long> reasons = out.computeIfAbsent(e.subject(), s -> new TreeMap<>());
      if (AGGREGATE.equals(e.outcome())) {
        e.detail()
            .forEach((key, value) -> {
              if (REASON.matcher(key).matches()) {
                reasons.merge(key, Long.parseLong(value), Long::sum);
              }
            });
      } else {
        reasons.merge(String.valueOf(e.outcome()), 1L, Long::sum);
      }
    }
    out.values().removeIf(Map::isEmpty);
    return out;
  }

  /** Every rejection counted. */
  static long total(Map<String, Map<String, Long>> bySource) {
    return bySource.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }
}
