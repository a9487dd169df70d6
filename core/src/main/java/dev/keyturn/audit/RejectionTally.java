package dev.keyturn.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rejected webhook deliveries of one source within one minute, counted by reason: what the audit
 * trail keeps of them instead of one event each. Names, reason codes and request ids only.
 *
 * @param source the webhook source
 * @param minute the start of the minute (UTC)
 * @param actor who counted them (the function's name)
 * @param counts rejections by reason code (enum names)
 * @param firstRequestId the Lambda request id of the first rejection counted
 * @param firstAt when it arrived
 * @param lastRequestId the request id of the last one counted
 * @param lastAt when it arrived
 */
public record RejectionTally(
    String source,
    Instant minute,
    String actor,
    Map<String, Long> counts,
    String firstRequestId,
    Instant firstAt,
    String lastRequestId,
    Instant lastAt) {

  /** The audit action aggregated rejections are listed under. */
  public static final String ACTION = "webhook.rejected";

  public RejectionTally {
    counts = Map.copyOf(new TreeMap<>(counts));
    if (!minute.equals(minute.truncatedTo(ChronoUnit.MINUTES))) {
      throw new IllegalArgumentException("minute must start a minute");
    }
  }

  /** Every rejection counted. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
