package dev.keyturn.state;

import dev.keyturn.inventory.Inventory;
import java.util.List;

/**
 * The difference between the applied inventory and a file.
 *
 * @param desired the inventory to apply
 * @param changes what changes, by item; names only
 */
public record InventoryPlan(Inventory desired, List<Change> changes) {

  public InventoryPlan {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public long count(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** Add, change or remove. */
  public enum Kind {
    ADD,
    CHANGE,
    REMOVE
  }

  /**
   * One changed item.
   *
   * @param kind add, change or remove
   * @param what {@code secret}, {@code webhook} or {@code lookup}
   * @param key the secret name, webhook source or looked-up source id
   */
  public record Change(Kind kind, String what, String key) {}
}
