package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.INVENTORY_PK;
import static dev.keyturn.state.dynamodb.Items.LOOKUP_PREFIX;
import static dev.keyturn.state.dynamodb.Items.SECRET_PREFIX;
import static dev.keyturn.state.dynamodb.Items.WEBHOOK_PREFIX;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.inventory.parse.EntryCodec;
import dev.keyturn.inventory.parse.WebhookEntryCodec;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The inventory in one partition ({@code pk = INVENTORY}) so one paged Query reads all of it:
 * {@code SECRET#<name>} and {@code WEBHOOK#<source>} items hold the entry as JSON (names and
 * metadata, no values), {@code LOOKUP#sm#<id>} / {@code LOOKUP#ssm#<path>} map a source to its
 * entry name.
 */
public final class DynamoInventoryStore implements InventoryStore {

  static final String ENTRY = "entry";
  static final String NAME = "name";

  private final StateTable table;
  private final InventoryWriter writer;

  public DynamoInventoryStore(StateTable table) {
    this.table = table;
    this.writer = new InventoryWriter(table);
  }

  @Override
  public List<SecretEntry> secrets() {
    return items(SECRET_PREFIX).values().stream()
        .map(i -> EntryCodec.read(Items.str(i, ENTRY)))
        .toList();
  }

  @Override
  public Optional<SecretEntry> secret(String name) {
    return get(SECRET_PREFIX + name).map(i -> EntryCodec.read(Items.str(i, ENTRY)));
  }

  @Override
  public Optional<SecretEntry> secretBySourceId(String sourceId) {
    // events usually carry the ARN while the inventory names the secret: try the name first
    Optional<String> fromArn = SecretArns.nameOf(sourceId);
    Optional<String> name = fromArn.flatMap(this::lookup);
    if (name.isEmpty()) {
      name = lookup(sourceId);
    }
    return name.flatMap(this::secret);
  }

  private Optional<String> lookup(String sourceId) {
    return get(LOOKUP_PREFIX + sourceId).map(i -> Items.str(i, NAME));
  }

  @Override
  public List<WebhookEntry> webhooks() {
    return items(WEBHOOK_PREFIX).values().stream()
        .map(i -> WebhookEntryCodec.read(Items.str(i, ENTRY)))
        .toList();
  }

  @Override
  public Optional<WebhookEntry> webhook(String source) {
    return get(WEBHOOK_PREFIX + source).map(i -> WebhookEntryCodec.read(Items.str(i, ENTRY)));
  }

  @Override
  public InventoryPlan plan(Inventory desired) {
    Map<String, String> want = desiredItems(desired);
    Map<String, String> have = new LinkedHashMap<>();
    items("").forEach((sk, item) -> have.put(sk, payload(item)));
    List<InventoryPlan.Change> changes = new ArrayList<>();
    want.forEach((sk, payload) -> {
      if (!have.containsKey(sk)) {
        changes.add(change(InventoryPlan.Kind.ADD, sk));
      } else if (!have.get(sk).equals(payload)) {
        changes.add(change(InventoryPlan.Kind.CHANGE, sk));
      }
    });
    have.keySet().stream()
        .filter(sk -> !want.containsKey(sk))
        .forEach(sk -> changes.add(change(InventoryPlan.Kind.REMOVE, sk)));
    return new InventoryPlan(desired, changes);
  }

  @Override
  public void apply(InventoryPlan plan) {
    writer.write(plan, desiredItems(plan.desired()));
  }

  /** Sort key to payload (the JSON entry, or the looked-up name) of every item the file implies. */
  static Map<String, String> desiredItems(Inventory inventory) {
    Map<String, String> items = new LinkedHashMap<>();
    for (SecretEntry e : inventory.secrets()) {
      items.put(SECRET_PREFIX + e.name(), EntryCodec.write(e));
      // every environment's source leads to the entry, so a change to any of them syncs it
      for (Source source : e.allSources()) {
        items.put(LOOKUP_PREFIX + lookupId(source), e.name());
      }
    }
    for (WebhookEntry w : inventory.webhooks()) {
      items.put(WEBHOOK_PREFIX + w.source(), WebhookEntryCodec.write(w));
    }
    return items;
  }

  static String lookupId(Source source) {
    return source.id();
  }

  private static String payload(Map<String, AttributeValue> item) {
    String entry = Items.str(item, ENTRY);
    return entry != null ? entry : Items.str(item, NAME);
  }

  private static InventoryPlan.Change change(InventoryPlan.Kind kind, String sk) {
    int hash = sk.indexOf('#');
    String what = sk.substring(0, hash).toLowerCase(java.util.Locale.ROOT);
    return new InventoryPlan.Change(kind, what, sk.substring(hash + 1));
  }

  private Optional<Map<String, AttributeValue>> get(String sk) {
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(
                GetItemRequest.builder()
                    .tableName(table.name())
                    .key(Items.key(INVENTORY_PK, sk))
                    .consistentRead(true)
                    .build())
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** Every inventory item whose sort key starts with the prefix, by sort key. */
  private Map<String, Map<String, AttributeValue>> items(String prefix) {
    Map<String, Map<String, AttributeValue>> out = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    values.put(":pk", Items.s(INVENTORY_PK));
    String condition = "pk = :pk";
    if (!prefix.isEmpty()) {
      condition += " AND begins_with(sk, :prefix)";
      values.put(":prefix", Items.s(prefix));
    }
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table.name())
            .keyConditionExpression(condition)
            .expressionAttributeValues(values)
            .consistentRead(true)
            .build();
    table.client().queryPaginator(query).items().forEach(i -> out.put(Items.str(i, Items.SK), i));
    return out;
  }
}
