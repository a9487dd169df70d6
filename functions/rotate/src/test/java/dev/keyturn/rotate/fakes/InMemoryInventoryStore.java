package dev.keyturn.rotate.fakes;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inventory entries in a list; ARNs find entries that name their secret by name. */
public final class InMemoryInventoryStore implements InventoryStore {

  private final List<SecretEntry> secrets = new ArrayList<>();

  public InMemoryInventoryStore add(SecretEntry entry) {
    secrets.add(entry);
    return this;
  }

  @Override
  public List<SecretEntry> secrets() {
    return List.copyOf(secrets);
  }

  @Override
  public Optional<SecretEntry> secret(String name) {
    return secrets.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  @Override
  public Optional<SecretEntry> secretBySourceId(String sourceId) {
    return secrets.stream()
        .filter(e -> e.source() != null)
        .filter(e ->
            e.source().id().equals(sourceId)
                || sourceId.startsWith(InMemoryRotationSecrets.ARN_PREFIX + e.source().id() + "-"))
        .findFirst();
  }

  @Override
  public List<WebhookEntry> webhooks() {
    return List.of();
  }

  @Override
  public Optional<WebhookEntry> webhook(String source) {
    return Optional.empty();
  }

  @Override
  public InventoryPlan plan(Inventory desired) {
    throw new UnsupportedOperationException("not used by the rotate function");
  }

  @Override
  public void apply(InventoryPlan plan) {
    throw new UnsupportedOperationException("not used by the rotate function");
  }
}
