package dev.keyturn.inventory.parse;

import dev.keyturn.inventory.Inventory;
import java.util.List;

/**
 * The result of reading an inventory file: the model (with null or empty fields where the file was
 * wrong), the structural problems found, and where things are in the file.
 */
public record ParsedInventory(
    String origin, Inventory inventory, List<SchemaProblem> problems, Positions positions) {

  public ParsedInventory {
    problems = List.copyOf(problems);
  }

  public ParsedInventory(String origin, Inventory inventory, List<SchemaProblem> problems) {
    this(origin, inventory, problems, new Positions());
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
