package dev.keyturn.sync.fakes;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.util.List;
import java.util.Optional;

/** The inventory port over a parsed YAML document. */
public final class InMemoryInventory implements InventoryStore {

  private volatile Inventory inventory;

  public InMemoryInventory(String yaml) {
    replace(yaml);
  }

  public void replace(String yaml) {
    inventory = InventoryParser.parse(yaml, "test").requireValid();
  }

  @Override
  public List<SecretEntry> secrets() {
    return inventory.secrets();
  }

  @Override
  public Optional<SecretEntry> secret(String name) {
    return inventory.secret(name);
  }

  @Override
  public Optional<SecretEntry> secretBySourceId(String sourceId) {
    return inventory.secrets().stream()
        .filter(e -> e.allSources().stream().anyMatch(s -> s.id().equals(sourceId)))
        .findFirst();
  }

  @Override
  public List<WebhookEntry> webhooks() {
    return inventory.webhooks();
  }

  @Override
  public Optional<WebhookEntry> webhook(String source) {
    return inventory.webhook(source);
  }

  @Override
  public InventoryPlan plan(Inventory desired) {
    throw new UnsupportedOperationException("not used by sync");
  }

  @Override
  public void apply(InventoryPlan plan) {
    throw new UnsupportedOperationException("not used by sync");
  }
}
