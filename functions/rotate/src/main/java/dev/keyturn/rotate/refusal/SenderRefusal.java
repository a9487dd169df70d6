package dev.keyturn.rotate.refusal;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.RotationPrecheck;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.RotationOverrideStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard for secrets that sign webhooks whose senders keyturn cannot reach (FreeScout, Stripe,
 * Slack, Shopify, Standard Webhooks): the rotation is refused until every such sender was seen
 * signing with the current version ({@link SenderCheck}), unless an operator forced it ({@code
 * keyturn rotate NAME --force}, a one-shot override in {@link RotationOverrideStore}).
 *
 * <p>Calls: one inventory read of the webhook sources per rotation; for an entry with k such
 * sources, k sighting reads; only when one is behind, one override take. A refusal is audited
 * ({@code rotation.refused}, the reason naming the source and the version last seen) and counted
 * ({@code RotationsRefused}); a forced rotation is audited ({@code rotation.forced}, outcome {@code
 * refusal-overridden}, {@code forcedBy} the principal the CLI recorded in the override; the CLI
 * audits its own {@code rotation.forced}, outcome {@code granted}, as that principal).
 */
public final class SenderRefusal implements RotationPrecheck {

  private static final Logger LOG = LoggerFactory.getLogger(SenderRefusal.class);

  private final InventoryStore inventory;
  private final SenderCheck check;
  private final RotationOverrideStore overrides;
  private final AuditLog audit;
  private final Metrics metrics;
  private final Clock clock;
  private final String actor;

  public SenderRefusal(
      InventoryStore inventory,
      SenderCheck check,
      RotationOverrideStore overrides,
      AuditLog audit,
      Metrics metrics,
      Clock clock,
      String actor) {
    this.inventory = inventory;
    this.check = check;
    this.overrides = overrides;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.actor = actor;
  }

  @Override
  public void check(SecretEntry entry, Rotation rotation) {
    if (entry.generator() == null) {
      return; // a supplied value came from the sender's side: nothing to refuse (SenderCheck)
    }
    List<WebhookEntry> sources = SenderCheck.unreachableSenders(entry, inventory.webhooks());
    if (sources.isEmpty()) {
      return;
    }
    Optional<SenderLag> lag =
        check.behind(sources, rotation.currentVersion(), rotation.hasOlderVersion());
    if (lag.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String reason = lag.get().reason(now);
    Optional<RotationOverride> forced = overrides.take(entry.name(), rotation.id(), now);
    if (forced.isPresent()) {
      audit.record(
          event(
              now,
              "rotation.forced",
              entry,
              rotation,
              lag.get(),
              reason,
              Map.of(
                  "forcedBy",
                  forced.get().actor(),
                  "grantedAt",
                  forced.get().grantedAt().toString())));
      LOG.warn("rotation of {} forced by {}: {}", entry.name(), forced.get().actor(), reason);
      return;
    }
    audit.record(event(now, "rotation.refused", entry, rotation, lag.get(), reason, Map.of()));
    metrics.count(Metric.ROTATIONS_REFUSED, 1);
    LOG.warn("rotation of {} refused: {}", entry.name(), reason);
    throw new SenderBehindException(entry.name(), lag.get(), reason);
  }

  private AuditEvent event(
      Instant at,
      String action,
      SecretEntry entry,
      Rotation rotation,
      SenderLag lag,
      String reason,
      Map<String, String> more) {
    Map<String, String> detail = new LinkedHashMap<>(more);
    detail.put("source", lag.source());
    detail.put("lastSignedWith", lag.lastVersion() == null ? "never seen" : lag.lastVersion());
    detail.put("reason", reason);
    String outcome = action.endsWith("forced") ? "refusal-overridden" : "refused";
    return AuditEvent.of(at, actor, action, entry.name(), outcome)
        .withVersions(List.of(rotation.id(), rotation.currentVersion()))
        .withDetail(detail);
  }
}
