package dev.keyturn.rotate.support;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes inventory entries to the state table through core's inventory adapter, as {@code keyturn
 * apply} does. The plan is built here (one ADD per item) rather than by {@code
 * DynamoInventoryStore.plan}, whose Query with an empty {@code begins_with} prefix DynamoDB rejects
 * (reported to the lead).
 */
public final class InventorySeeder {

  private final DynamoInventoryStore store;

  public InventorySeeder(DynamoDbClient dynamoDb, String table) {
    this.store = new DynamoInventoryStore(new StateTable(dynamoDb, table));
  }

  /** Adds one entry (its SECRET item and its source LOOKUP item). */
  public void add(SecretEntry entry) {
    Inventory inventory = new Inventory(1, Set.of(), Set.of(), Set.of(), List.of(entry), List.of());
    store.apply(
        new InventoryPlan(
            inventory,
            List.of(
                new InventoryPlan.Change(InventoryPlan.Kind.ADD, "secret", entry.name()),
                new InventoryPlan.Change(InventoryPlan.Kind.ADD, "lookup", entry.source().id()))));
  }
}
