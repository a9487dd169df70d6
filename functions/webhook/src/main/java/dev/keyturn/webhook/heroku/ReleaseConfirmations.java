package dev.keyturn.webhook.heroku;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.SyncStateStore.ReleaseConfirmation;
import dev.keyturn.webhook.forward.Payload;
import dev.keyturn.webhook.scheme.HerokuScheme;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop with sync: a verified Heroku {@code api:release} delivery saying a release
 * succeeded marks that release as confirmed in the sync state, so keyturn knows the dynos restarted
 * with the values it published.
 */
public final class ReleaseConfirmations {

  public static final String ACTION = "webhook.release-confirmed";

  private static final Logger log = LoggerFactory.getLogger(ReleaseConfirmations.class);

  private final SyncStateStore syncState;
  private final AuditLog audit;
  private final String actor;
  private final Metrics metrics;

  public ReleaseConfirmations(
      SyncStateStore syncState, AuditLog audit, String actor, Metrics metrics) {
    this.syncState = syncState;
    this.audit = audit;
    this.actor = actor;
    this.metrics = metrics;
  }

  /** Whether deliveries of this scheme may confirm a release (and so cost a table write). */
  public boolean applies(String schemeName) {
    return HerokuScheme.NAME.equals(schemeName);
  }

  /**
   * Confirms the release a verified delivery reports, when it is a Heroku release that succeeded.
   *
   * @return the release confirmed (known to sync or not), or empty when there was none to confirm
   */
  public Optional<ReleaseEvent> confirm(
      String schemeName, String webhookSource, String deliveryId, Payload payload, Instant now) {
    if (!applies(schemeName)) {
      return Optional.empty();
    }
    Optional<ReleaseEvent> release = ReleaseEvent.succeeded(payload);
    release.ifPresent(r -> record(r, webhookSource, deliveryId, now));
    return release;
  }

  private void record(ReleaseEvent release, String webhookSource, String deliveryId, Instant now) {
    ReleaseConfirmation confirmation =
        syncState.confirmRelease(release.app(), release.releaseId(), now);
    if (confirmation == ReleaseConfirmation.CONFIRMED) {
      metrics.count(Metric.RELEASES_CONFIRMED, 1);
    }
    String outcome =
        switch (confirmation) {
          case CONFIRMED -> "confirmed";
          case ALREADY_CONFIRMED -> "already-confirmed";
          case UNKNOWN -> "unknown-release";
        };
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("source", webhookSource);
    detail.put("releaseId", release.releaseId());
    if (release.version() != null) {
      detail.put("releaseVersion", Integer.toString(release.version()));
    }
    if (deliveryId != null) {
      detail.put("deliveryId", deliveryId);
    }
    audit.record(AuditEvent.of(now, actor, ACTION, release.app(), outcome).withDetail(detail));
    log.info(
        "heroku release {} {} {} {}",
        kv("event", ACTION),
        kv("app", release.app()),
        kv("releaseId", release.releaseId()),
        kv("outcome", outcome));
  }
}
