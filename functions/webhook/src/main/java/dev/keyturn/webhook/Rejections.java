package dev.keyturn.webhook;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.observability.Dimensions;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.webhook.scheme.RejectionReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, counts and audits every delivery that is not forwarded, with a reason code: the scheme's
 * {@link RejectionReason} or one of this function's own. Never the signature, a header value or the
 * body. The log lines carry {@code event=webhook.rejected} and {@code reason}; the EMF metric
 * {@code WebhooksRejected} (dimension {@code Reason}, always an enum name from a fixed set) counts
 * every rejection and feeds the template's alarms, {@code WebhookDuplicates} counts provider
 * retries.
 *
 * <p>Requests that name no known source (other paths, unknown sources, methods other than POST)
 * cost no table write: log and metric only, so a scanner cannot turn its requests into writes.
 * Rejections of a known source are counted per source and minute ({@link RejectionTallies}) and
 * written to the audit trail in bulk. Replays of accepted deliveries are audited one by one.
 */
final class Rejections {

  static final String REJECTED = "webhook.rejected";
  static final String DUPLICATE = "webhook.duplicate";

  /** The log's source field when the path named no valid source. */
  static final String NO_SOURCE = "-";

  /** Reason codes of this function, next to the schemes' {@link RejectionReason}s. */
  enum Reason {
    UNKNOWN_ROUTE,
    METHOD_NOT_ALLOWED,
    UNKNOWN_SOURCE,
    BODY_TOO_LARGE,
    MALFORMED_BODY,
    EVENT_TOO_LARGE,
    /** Secrets Manager is down and the cached versions are too old to verify with (503). */
    SECRETS_STALE,
    /**
     * Signed with a version of the secret that lost its labels since this container served it
     * (evicted by the rotation life cycle, or revoked): the sender lags a rotation (401).
     */
    STALE_SECRET
  }

  private static final Logger log = LoggerFactory.getLogger(Rejections.class);

  private final AuditLog audit;
  private final RejectionTallies tallies;
  private final String actor;
  private final Metrics metrics;

  Rejections(AuditLog audit, RejectionTallies tallies, String actor, Metrics metrics) {
    this.audit = audit;
    this.tallies = tallies;
    this.actor = actor;
    this.metrics = metrics;
  }

  /** A request that reached no known source: logged and counted, never written. */
  void refused(String source, String reason, int status) {
    logAndCount(source, reason, status);
  }

  /** A rejected delivery of a known source: logged, counted, and tallied for the audit trail. */
  void rejected(Instant now, String source, String reason, int status, String requestId) {
    logAndCount(source, reason, status);
    tallies.add(source, reason, requestId, now);
  }

  /** Writes the tallies of past minutes; cheap when there are none. */
  void flushDue(Instant now) {
    tallies.flushDue(now);
  }

  private void logAndCount(String source, String reason, int status) {
    if (RejectionReason.VERIFIER_FAILURE.name().equals(reason)) {
      // never expected: the scheme failed closed on a bug; the alarm counts these
      log.error(
          "webhook rejected {} {} {} {}",
          kv("event", REJECTED),
          kv("source", source),
          kv("reason", reason),
          kv("status", status));
    } else {
      log.warn(
          "webhook rejected {} {} {} {}",
          kv("event", REJECTED),
          kv("source", source),
          kv("reason", reason),
          kv("status", status));
    }
    metrics.count(Metric.WEBHOOKS_REJECTED, 1, Dimensions.REASON, reason);
  }

  void duplicate(Instant now, String source, String replayKey, String deliveryId) {
    log.info(
        "webhook duplicate {} {} {}",
        kv("event", DUPLICATE),
        kv("source", source),
        kv("deliveryId", deliveryId));
    metrics.count(Metric.WEBHOOK_DUPLICATES, 1);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("replayKey", replayKey);
    if (deliveryId != null) {
      detail.put("deliveryId", deliveryId);
    }
    record(now, DUPLICATE, source, "duplicate", detail);
  }

  /** Another invocation is handing this delivery on: logged only (the provider retries). */
  void inFlight(String source, String deliveryId, long retryAfterSeconds) {
    log.info(
        "webhook delivery in flight elsewhere {} {} {} {}",
        kv("event", "webhook.in-flight"),
        kv("source", source),
        kv("deliveryId", deliveryId),
        kv("retryAfterSeconds", retryAfterSeconds));
  }

  /** Best effort: a failing audit table must not turn a 4xx answer into a 5xx. */
  private void record(
      Instant now, String action, String source, String outcome, Map<String, String> detail) {
    try {
      audit.record(AuditEvent.of(now, actor, action, source, outcome).withDetail(detail));
    } catch (RuntimeException e) {
      log.error(
          "webhook audit failed {} {} {}",
          kv("event", "webhook.audit-failed"),
          kv("action", action),
          kv("error", e.getClass().getSimpleName()));
    }
  }
}
