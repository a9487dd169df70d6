package dev.keyturn.cli.common;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.state.InventoryStore;
import java.util.List;

/** Looks up applied inventory entries the way every command does. */
public final class Entries {

  private Entries() {}

  /**
   * @throws UnknownEntryException when the table has no entry of that name
   */
  public static SecretEntry require(InventoryStore inventory, String name) {
    return inventory.secret(name).orElseThrow(() -> new UnknownEntryException(name));
  }

  /** Every entry, or just the named one. */
  public static List<SecretEntry> selected(InventoryStore inventory, String nameOrNull) {
    return nameOrNull == null ? inventory.secrets() : List.of(require(inventory, nameOrNull));
  }
}
