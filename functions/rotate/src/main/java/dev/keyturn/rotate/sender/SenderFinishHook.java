package dev.keyturn.rotate.sender;

import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.protocol.FinishHook;
import dev.keyturn.state.InventoryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * finishSecret's sender handover: every webhook source whose secret just rotated and whose sender
 * has an API gets the new value ({@link SenderHandover}). Every source is tried; if any failed, the
 * step fails naming them, and its retry pushes only what is not recorded yet.
 */
public final class SenderFinishHook implements FinishHook {

  private final InventoryStore inventory;
  private final SenderHandover handover;

  public SenderFinishHook(InventoryStore inventory, SenderHandover handover) {
    this.inventory = inventory;
    this.handover = handover;
  }

  @Override
  public void afterFinish(FinishedVersion finished) {
    handOver(finished);
  }

  /** What was done for each bound source of the secret (none: the secret signs no such webhook). */
  public List<HandoverResult> handOver(FinishedVersion finished) {
    List<HandoverResult> results = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    RuntimeException first = null;
    for (WebhookEntry source : boundSources(finished.secretName())) {
      try {
        results.add(handover.handOver(source, finished.secretId(), finished.versionId()));
      } catch (RuntimeException e) {
        failed.add(source.source());
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new SenderHandoverException(finished.secretName(), failed, first);
    }
    return List.copyOf(results);
  }

  private List<WebhookEntry> boundSources(String secretName) {
    return inventory.webhooks().stream()
        .filter(w -> secretName.equals(w.secret()) && w.sender() != null)
        .toList();
  }
}
