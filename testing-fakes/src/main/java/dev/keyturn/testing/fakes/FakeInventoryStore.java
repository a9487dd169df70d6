package dev.keyturn.testing.fakes;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.inventory.parse.EntryCodec;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.WebhookEntryCodec;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The applied inventory in memory, kept the way {@code DynamoInventoryStore} keeps it: each entry
 * stored in its JSON form (so what comes back went through the same codec), a lookup from every
 * source id to its entry, lists sorted by name, an ARN that finds an entry naming its secret by
 * name, and plans in the adapter's order (adds and changes in the file's order, each secret before
 * its lookup, then webhooks; removals of lookups, secrets, webhooks, each sorted).
 */
public final class FakeInventoryStore extends FakePort implements InventoryStore {

  private static final String SECRET = "secret";
  private static final String WEBHOOK = "webhook";
  private static final String LOOKUP = "lookup";
  private static final List<String> KINDS = List.of(LOOKUP, SECRET, WEBHOOK);

  /** Kind, then key (name, source or source id), to the stored payload. */
  private final Map<String, TreeMap<String, String>> items = new LinkedHashMap<>();

  public FakeInventoryStore() {
    KINDS.forEach(kind -> items.put(kind, new TreeMap<>()));
  }

  /** A store holding the inventory of a YAML document (which must be valid). */
  public static FakeInventoryStore of(String yaml) {
    FakeInventoryStore store = new FakeInventoryStore();
    store.replace(yaml);
    return store;
  }

  /** Stores one secret entry and its lookup, as applying a file with it would. */
  public synchronized FakeInventoryStore add(SecretEntry entry) {
    items.get(SECRET).put(entry.name(), EntryCodec.write(entry));
    entry.allSources().forEach(source -> items.get(LOOKUP).put(source.id(), entry.name()));
    return this;
  }

  /** Stores one webhook source entry. */
  public synchronized FakeInventoryStore add(WebhookEntry entry) {
    items.get(WEBHOOK).put(entry.source(), WebhookEntryCodec.write(entry));
    return this;
  }

  /** Makes the store hold exactly this inventory (plan, then apply). */
  public synchronized void replace(Inventory inventory) {
    write(planFor(inventory));
  }

  /** Makes the store hold exactly the inventory of a YAML document (which must be valid). */
  public synchronized void replace(String yaml) {
    replace(InventoryParser.parse(yaml, "test").requireValid());
  }

  @Override
  public synchronized List<SecretEntry> secrets() {
    enter("secrets");
    return items.get(SECRET).values().stream().map(EntryCodec::read).toList();
  }

  @Override
  public synchronized Optional<SecretEntry> secret(String name) {
    enter("secret");
    return read(name);
  }

  @Override
  public synchronized Optional<SecretEntry> secretBySourceId(String sourceId) {
    enter("secretBySourceId");
    Optional<String> name =
        nameInArn(sourceId).map(n -> items.get(LOOKUP).get(n)).filter(n -> n != null);
    if (name.isEmpty()) {
      name = Optional.ofNullable(items.get(LOOKUP).get(sourceId));
    }
    return name.flatMap(this::read);
  }

  @Override
  public synchronized List<WebhookEntry> webhooks() {
    enter("webhooks");
    return items.get(WEBHOOK).values().stream().map(json -> WebhookEntryCodec.read(json)).toList();
  }

  @Override
  public synchronized Optional<WebhookEntry> webhook(String source) {
    enter("webhook");
    return Optional.ofNullable(items.get(WEBHOOK).get(source))
        .map(json -> WebhookEntryCodec.read(json));
  }

  @Override
  public synchronized InventoryPlan plan(Inventory desired) {
    enter("plan");
    return planFor(desired);
  }

  @Override
  public synchronized void apply(InventoryPlan plan) {
    enter("apply");
    write(plan);
  }

  private InventoryPlan planFor(Inventory desired) {
    List<Item> want = desiredItems(desired);
    List<InventoryPlan.Change> changes = new ArrayList<>();
    for (Item item : want) {
      String have = items.get(item.kind()).get(item.key());
      if (have == null) {
        changes.add(new InventoryPlan.Change(InventoryPlan.Kind.ADD, item.kind(), item.key()));
      } else if (!have.equals(item.payload())) {
        changes.add(new InventoryPlan.Change(InventoryPlan.Kind.CHANGE, item.kind(), item.key()));
      }
    }
    for (String kind : KINDS) {
      for (String key : items.get(kind).keySet()) {
        if (want.stream().noneMatch(i -> i.kind().equals(kind) && i.key().equals(key))) {
          changes.add(new InventoryPlan.Change(InventoryPlan.Kind.REMOVE, kind, key));
        }
      }
    }
    return new InventoryPlan(desired, changes);
  }

  /** Writes the plan's changes only, as the adapter's batch does. */
  private void write(InventoryPlan plan) {
    List<Item> want = desiredItems(plan.desired());
    for (InventoryPlan.Change c : plan.changes()) {
      if (c.kind() == InventoryPlan.Kind.REMOVE) {
        items.get(c.what()).remove(c.key());
      } else {
        want.stream()
            .filter(i -> i.kind().equals(c.what()) && i.key().equals(c.key()))
            .findFirst()
            .ifPresent(i -> items.get(i.kind()).put(i.key(), i.payload()));
      }
    }
  }

  /** One stored item: an entry's JSON, or the entry name a source id looks up. */
  private record Item(String kind, String key, String payload) {}

  /**
   * Every item the file implies, in the file's order: each secret then its lookup, then webhooks.
   */
  private static List<Item> desiredItems(Inventory inventory) {
    List<Item> want = new ArrayList<>();
    for (SecretEntry e : inventory.secrets()) {
      want.add(new Item(SECRET, e.name(), EntryCodec.write(e)));
      e.allSources().forEach(source -> want.add(new Item(LOOKUP, source.id(), e.name())));
    }
    for (WebhookEntry w : inventory.webhooks()) {
      want.add(new Item(WEBHOOK, w.source(), WebhookEntryCodec.write(w)));
    }
    return want;
  }

  private Optional<SecretEntry> read(String name) {
    return Optional.ofNullable(items.get(SECRET).get(name)).map(EntryCodec::read);
  }

  /**
   * The secret name inside a Secrets Manager ARN ({@code arn:...:secret:<name>-<6 chars>}), or
   * empty when the id is not one.
   */
  static Optional<String> nameInArn(String id) {
    String marker = ":secret:";
    if (id == null || !id.startsWith("arn:") || !id.contains(marker)) {
      return Optional.empty();
    }
    String tail = id.substring(id.indexOf(marker) + marker.length());
    int dash = tail.lastIndexOf('-');
    if (dash <= 0 || tail.length() - dash - 1 != 6) {
      return Optional.of(tail);
    }
    return Optional.of(tail.substring(0, dash));
  }
}
