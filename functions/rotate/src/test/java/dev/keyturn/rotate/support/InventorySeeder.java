package dev.keyturn.rotate.support;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Writes inventory entries to the state table the way {@code keyturn apply} does: plan, apply. */
public final class InventorySeeder {

  private final DynamoInventoryStore store;
  private final List<SecretEntry> entries = new ArrayList<>();
  private final List<WebhookEntry> webhooks = new ArrayList<>();

  public InventorySeeder(DynamoDbClient dynamoDb, String table) {
    this.store = new DynamoInventoryStore(new StateTable(dynamoDb, table));
  }

  /** Adds an entry to those applied so far (an applied inventory replaces the previous one). */
  public void add(SecretEntry entry) {
    entries.add(entry);
    apply();
  }

  /** Adds a webhook source to those applied so far. */
  public void add(WebhookEntry webhook) {
    webhooks.add(webhook);
    apply();
  }

  private void apply() {
    Inventory inventory = new Inventory(1, Set.of(), Set.of(), Set.of(), entries, webhooks);
    store.apply(store.plan(inventory));
  }
}
