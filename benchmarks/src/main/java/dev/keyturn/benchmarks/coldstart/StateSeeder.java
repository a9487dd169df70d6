package dev.keyturn.benchmarks.coldstart;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Writes inventory entries into the state table the way {@code keyturn apply} does. */
final class StateSeeder {

  private final DynamoInventoryStore store;
  private final List<SecretEntry> entries = new ArrayList<>();
  private final List<WebhookEntry> webhooks = new ArrayList<>();

  StateSeeder(DynamoDbClient dynamoDb, String table) {
    this.store = new DynamoInventoryStore(new StateTable(dynamoDb, table));
  }

  /** Adds an entry; the table then holds every entry added so far. */
  void add(SecretEntry entry) {
    entries.add(entry);
    apply();
  }

  /** Adds a webhook source (its secret must have been added). */
  void add(WebhookEntry webhook) {
    webhooks.add(webhook);
    apply();
  }

  private void apply() {
    Inventory inventory = new Inventory(1, Set.of(), Set.of(), Set.of(), entries, webhooks);
    store.apply(store.plan(inventory));
  }
}
