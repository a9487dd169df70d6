package dev.keyturn.rotate.lifecycle;

import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.Publication;
import dev.keyturn.state.SenderPushStore;
import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.state.SyncStateStore;
import java.util.List;
import java.util.Map;

/**
 * Whether a rotated version reached its sinks and its consumers: the checks behind {@code
 * published} and {@code confirmed}. Reads only.
 */
public final class Consumers {

  private final SyncStateStore syncState;
  private final SenderPushStore pushes;
  private final SenderSightings sightings;

  public Consumers(SyncStateStore syncState, SenderPushStore pushes, SenderSightings sightings) {
    this.syncState = syncState;
    this.pushes = pushes;
    this.sightings = sightings;
  }

  /**
   * Where the version stands on the rotated source's sinks: one read per target, shared by {@link
   * #published} and {@link #confirmed} in a pass. No sinks: an empty publication, published and
   * confirmed.
   */
  Publication publication(RotatedVersion v) {
    List<String> targets = v.targets();
    return targets.isEmpty()
        ? new Publication(v.name(), v.versionId(), Map.of())
        : syncState.publication(v.name(), v.versionId(), targets);
  }

  /** Every sink of the rotated source records the version (no sinks: published at once). */
  boolean published(Publication publication) {
    return publication.published();
  }

  /**
   * Every sink's consumers use the version (Heroku: release confirmed) and every webhook source
   * signed with the entry's secret has its sender on it: a sender with an API has the push of the
   * version recorded; a sender without one was last seen signing with it. Neither sinks nor webhook
   * sources: confirmed at once.
   */
  boolean confirmed(RotatedVersion v, Publication publication, List<WebhookEntry> webhooks) {
    if (!publication.confirmed()) {
      return false;
    }
    if (!v.signsWebhooks()) {
      return true;
    }
    for (WebhookEntry source : webhooks) {
      if (v.name().equals(source.secret()) && !senderOnVersion(source, v.versionId())) {
        return false;
      }
    }
    return true;
  }

  private boolean senderOnVersion(WebhookEntry source, String versionId) {
    if (source.sender() != null) {
      return pushes.push(source.source(), versionId).isPresent();
    }
    return sightings
        .last(source.source())
        .map(SenderSighting::versionId)
        .filter(versionId::equals)
        .isPresent();
  }
}
