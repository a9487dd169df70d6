package dev.keyturn.webhook.source;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.webhook.scheme.InvalidSchemeOptionsException;
import dev.keyturn.webhook.scheme.UnknownSchemeException;
import dev.keyturn.webhook.verify.DeliveryCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook sources of the applied inventory, read from the table at most once per TTL and kept
 * per container with their scheme instances (kept across re-reads while the entry is unchanged, so
 * the schemes' key caches stay warm). Lookups of unknown names cost no table read, so a flood of
 * made-up paths cannot drive reads. When a re-read fails, the previous sources keep serving and the
 * next attempt waits {@link #RETRY_AFTER_FAILURE}.
 */
public final class SourceRegistry {

  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(SourceRegistry.class);

  private final InventoryStore inventory;
  private final Duration ttl;
  private final Duration untimedReplayTtl;
  private Map<String, SourceLookup> sources;
  private Map<WebhookEntry, WebhookSource> built = Map.of();
  private Instant nextReadAt = Instant.MIN;

  public SourceRegistry(InventoryStore inventory, Duration ttl, Duration untimedReplayTtl) {
    this.inventory = inventory;
    this.ttl = ttl;
    this.untimedReplayTtl = untimedReplayTtl;
  }

  /**
   * The source of this name.
   *
   * @throws RuntimeException from the inventory when it was never read and cannot be read now
   */
  public synchronized SourceLookup find(String name, Instant now) {
    if (!now.isBefore(nextReadAt)) {
      reload(now);
    }
    return sources.getOrDefault(name, new SourceLookup.Unknown());
  }

  private void reload(Instant now) {
    try {
      Map<String, SourceLookup> read = new HashMap<>();
      Map<WebhookEntry, WebhookSource> reusable = new HashMap<>();
      for (WebhookEntry entry : inventory.webhooks()) {
        SourceLookup lookup = resolve(entry);
        if (lookup instanceof SourceLookup.Found found) {
          reusable.put(entry, found.source());
        }
        read.put(entry.source(), lookup);
      }
      sources = read;
      built = reusable;
      nextReadAt = now.plus(ttl);
    } catch (RuntimeException e) {
      if (sources == null) {
        throw e;
      }
      nextReadAt = now.plus(RETRY_AFTER_FAILURE);
      log.warn(
          "webhook inventory re-read failed ({}); serving the sources read before",
          e.getClass().getSimpleName());
    }
  }

  private SourceLookup resolve(WebhookEntry entry) {
    Optional<SecretEntry> secret =
        entry.secret() == null ? Optional.empty() : inventory.secret(entry.secret());
    if (secret.isEmpty() || secret.get().source() == null) {
      return new SourceLookup.Misconfigured(
          entry.source(), "secret entry " + entry.secret() + " is not in the inventory");
    }
    WebhookSource unchanged = built.get(entry);
    if (unchanged != null && unchanged.secret().equals(secret.get().source())) {
      return new SourceLookup.Found(unchanged); // keeps the scheme instance and its key cache
    }
    try {
      DeliveryCheck check =
          DeliveryCheck.of(
              entry.scheme(), entry.options(), entry.toleranceSeconds(), untimedReplayTtl);
      return new SourceLookup.Found(
          new WebhookSource(entry.source(), check, entry.secret(), secret.get().source()));
    } catch (UnknownSchemeException | InvalidSchemeOptionsException e) {
      return new SourceLookup.Misconfigured(entry.source(), e.getMessage());
    }
  }
}
