package dev.keyturn.webhook.it;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.secrets.SecretRoleTagging;
import dev.keyturn.secrets.aws.SecretsManagerRoleTags;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Writes secrets and webhook sources to the state table the way {@code keyturn apply} does, and
 * tags their Secrets Manager secrets {@code keyturn:role=webhook} with apply's own {@link
 * SecretRoleTagging} (the webhook role reads only secrets so tagged). A secret created after its
 * source was seeded is tagged by {@link #tagRoles}, as an operator's next apply would.
 */
final class InventorySeeder {

  private final DynamoInventoryStore store;
  private final List<SecretEntry> secrets = new ArrayList<>();
  private final List<WebhookEntry> webhooks = new ArrayList<>();

  InventorySeeder(DynamoDbClient dynamoDb, String table) {
    this.store = new DynamoInventoryStore(new StateTable(dynamoDb, table));
  }

  /**
   * A webhook source verified with an {@code hmac-key} secret kept in Secrets Manager as {@code
   * secretId}.
   */
  WebhookEntry webhook(String source, String scheme, String secretId, String keyFormat) {
    return webhook(
        source,
        scheme,
        secretId,
        new GeneratorSpec("hmac-key", Map.of("format", keyFormat)),
        Map.of());
  }

  /**
   * A webhook source with scheme options; {@code generator} null for a secret keyturn does not
   * generate (a sender's public key).
   */
  WebhookEntry webhook(
      String source,
      String scheme,
      String secretId,
      GeneratorSpec generator,
      Map<String, String> options) {
    String name = "WH_" + source.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    secrets.add(
        new SecretEntry(
            name,
            new Source.SecretsManager(secretId),
            Tags.of("webhook", "high", "raptor", "90d"),
            List.of("prod"),
            null,
            null,
            generator,
            null,
            List.of(),
            null,
            List.of()));
    WebhookEntry entry = new WebhookEntry(source, scheme, name, null, options);
    webhooks.add(entry);
    store.apply(store.plan(inventory()));
    tagRoles();
    return entry;
  }

  /** Tags the seeded sources' secrets that exist (apply's reconciliation). */
  SecretRoleTagging.Changes tagRoles() {
    try (SecretsManagerClient client = SecretsManagerClient.create()) {
      return new SecretRoleTagging(new SecretsManagerRoleTags(client)).reconcile(inventory());
    }
  }

  private Inventory inventory() {
    return new Inventory(1, Set.of(), Set.of(), Set.of(), secrets, webhooks);
  }
}
