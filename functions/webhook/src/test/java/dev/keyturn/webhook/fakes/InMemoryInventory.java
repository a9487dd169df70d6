package dev.keyturn.webhook.fakes;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The applied inventory in memory; counts reads and can be made to fail. */
public final class InMemoryInventory implements InventoryStore {

  private final Map<String, SecretEntry> secrets = new LinkedHashMap<>();
  private final List<WebhookEntry> webhooks = new ArrayList<>();
  private int webhookReads;
  private boolean failing;

  public InMemoryInventory add(SecretEntry secret) {
    secrets.put(secret.name(), secret);
    return this;
  }

  public InMemoryInventory add(WebhookEntry webhook) {
    webhooks.removeIf(w -> w.source().equals(webhook.source()));
    webhooks.add(webhook);
    return this;
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  public int webhookReads() {
    return webhookReads;
  }

  @Override
  public List<WebhookEntry> webhooks() {
    check();
    webhookReads++;
    return List.copyOf(webhooks);
  }

  @Override
  public Optional<WebhookEntry> webhook(String source) {
    check();
    return webhooks.stream().filter(w -> w.source().equals(source)).findFirst();
  }

  @Override
  public List<SecretEntry> secrets() {
    check();
    return List.copyOf(secrets.values());
  }

  @Override
  public Optional<SecretEntry> secret(String name) {
    check();
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public Optional<SecretEntry> secretBySourceId(String sourceId) {
    check();
    return secrets.values().stream().filter(s -> s.source().id().equals(sourceId)).findFirst();
  }

  @Override
  public InventoryPlan plan(Inventory desired) {
    throw new UnsupportedOperationException("the webhook function never plans");
  }

  @Override
  public void apply(InventoryPlan plan) {
    throw new UnsupportedOperationException("the webhook function never applies");
  }

  private void check() {
    if (failing) {
      throw new IllegalStateException("inventory table unavailable (test)");
    }
  }
}
