package dev.keyturn.rotate.refusal;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.SenderSightings;
import java.util.List;
import java.util.Optional;

/**
 * Whether every sender without an API of a secret's webhook sources signs with its current version
 * (reads only; the guard and {@code keyturn status} share it). Only an entry whose value keyturn
 * makes (it has a generator) is checked: a value a person supplies was taken from the sender's own
 * dashboard, so the sender has it already.
 *
 * <p>A sender never seen signing counts as behind once the secret has an older version still
 * labelled: it may hold that one, and a second rotation would take its label away. While the secret
 * has no older version (never rotated, or its old version retired after a confirmed rotation) there
 * is nothing to lose, so the first rotation after a source is set up goes through and the overlap
 * (AWSPREVIOUS, kept until a sighting confirms the new version) covers the sender.
 */
public final class SenderCheck {

  private final SenderSightings sightings;

  public SenderCheck(SenderSightings sightings) {
    this.sightings = sightings;
  }

  /** The webhook sources of the entry whose senders keyturn cannot reach. */
  public static List<WebhookEntry> unreachableSenders(
      SecretEntry entry, List<WebhookEntry> webhooks) {
    if (entry.generator() == null) {
      return List.of();
    }
    return webhooks.stream()
        .filter(w -> entry.name().equals(w.secret()) && w.sender() == null)
        .toList();
  }

  /**
   * The first of {@code sources} whose sender is behind, or empty when all sign with {@code
   * currentVersion}. One read per source.
   */
  public Optional<SenderLag> behind(
      List<WebhookEntry> sources, String currentVersion, boolean hasOlderVersion) {
    for (WebhookEntry source : sources) {
      Optional<SenderSighting> last = sightings.last(source.source());
      if (last.isEmpty()) {
        if (hasOlderVersion) {
          return Optional.of(new SenderLag(source.source(), null, null));
        }
        continue;
      }
      if (!last.get().versionId().equals(currentVersion)) {
        return Optional.of(new SenderLag(source.source(), last.get().versionId(), last.get().at()));
      }
    }
    return Optional.empty();
  }
}
