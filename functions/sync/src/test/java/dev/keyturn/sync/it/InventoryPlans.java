package dev.keyturn.sync.it;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.state.InventoryPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Inventory plans built by hand for tests and the benchmark, because {@code
 * DynamoInventoryStore.plan} fails on DynamoDB: it queries {@code begins_with(sk, "")}, which
 * DynamoDB rejects ("a key attribute cannot contain an empty string value").
 */
public final class InventoryPlans {

  private InventoryPlans() {}

  /** Every item the inventory implies (entry and source lookup per secret), as additions. */
  public static List<InventoryPlan.Change> additions(Inventory inventory) {
    List<InventoryPlan.Change> out = new ArrayList<>();
    for (SecretEntry e : inventory.secrets()) {
      out.add(new InventoryPlan.Change(InventoryPlan.Kind.ADD, "secret", e.name()));
      out.add(new InventoryPlan.Change(InventoryPlan.Kind.ADD, "lookup", e.source().id()));
    }
    return out;
  }

  /** Writes the inventory into an empty table. */
  public static InventoryPlan intoEmptyTable(Inventory inventory) {
    return new InventoryPlan(inventory, additions(inventory));
  }
}
