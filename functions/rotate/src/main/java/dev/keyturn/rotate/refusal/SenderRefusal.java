package dev.keyturn.rotate.refusal;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.RotationPrecheck;
import dev.keyturn.state.InventoryStore;
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
  private final Refusals refusals;

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
    this.refusals = new Refusals(overrides, audit, metrics, clock, actor);
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
    Instant now = refusals.now();
    String reason = lag.get().reason(now);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("source", lag.get().source());
    facts.put(
        "lastSignedWith", lag.get().lastVersion() == null ? "never seen" : lag.get().lastVersion());
    refusals.refuseUnlessForced(
        LOG,
        entry,
        rotation,
        now,
        reason,
        facts,
        () -> new SenderBehindException(entry.name(), lag.get(), reason));
  }
}
