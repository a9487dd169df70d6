package dev.keyturn.state;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import java.util.List;
import java.util.Optional;

/** The applied inventory as the functions see it (they read the table, never the file). */
public interface InventoryStore {

  List<SecretEntry> secrets();

  Optional<SecretEntry> secret(String name);

  /**
   * The entry whose source is this Secrets Manager name or ARN, or SSM path. An ARN also finds an
   * entry that names the secret by name.
   */
  Optional<SecretEntry> secretBySourceId(String sourceId);

  List<WebhookEntry> webhooks();

  Optional<WebhookEntry> webhook(String source);

  /** What {@link #apply} would add, change and remove to make the table match the file. */
  InventoryPlan plan(Inventory desired);

  /** Writes a plan made by {@link #plan}. Applying an empty plan writes nothing. */
  void apply(InventoryPlan plan);
}
