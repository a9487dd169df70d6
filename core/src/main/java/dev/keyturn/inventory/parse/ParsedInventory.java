package dev.keyturn.inventory.parse;

import dev.keyturn.inventory.Inventory;
import java.util.List;

/**
 * The result of reading an inventory file: the model (with null or empty fields where the file was
 * wrong) and the structural problems found.
 */
public record ParsedInventory(String origin, Inventory inventory, List<SchemaProblem> problems) {

  public ParsedInventory {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** The inventory, or {@link InvalidInventoryException} naming every problem. */
  public Inventory requireValid() {
    if (!problems.isEmpty()) {
      throw new InvalidInventoryException(origin, problems);
    }
    return inventory;
  }
}
