package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.INVENTORY_PK;
import static dev.keyturn.state.dynamodb.Items.LOOKUP_PREFIX;

import dev.keyturn.state.InventoryPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Turns an inventory plan into batched puts and deletes. */
final class InventoryWriter {

  private final StateTable table;

  InventoryWriter(StateTable table) {
    this.table = table;
  }

  void write(InventoryPlan plan, Map<String, String> desired) {
    List<WriteRequest> writes = new ArrayList<>();
    for (InventoryPlan.Change c : plan.changes()) {
      String sk = c.what().toUpperCase(java.util.Locale.ROOT) + "#" + c.key();
      if (c.kind() == InventoryPlan.Kind.REMOVE) {
        writes.add(
            WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(Items.key(INVENTORY_PK, sk)).build())
                .build());
      } else {
        writes.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item(sk, desired.get(sk))).build())
                .build());
      }
    }
    new BatchWriter(table).write(writes);
  }

  private static Map<String, AttributeValue> item(String sk, String payload) {
    Map<String, AttributeValue> item = new HashMap<>(Items.key(INVENTORY_PK, sk));
    String attribute =
        sk.startsWith(LOOKUP_PREFIX) ? DynamoInventoryStore.NAME : DynamoInventoryStore.ENTRY;
    item.put(attribute, Items.s(payload));
    return item;
  }
}
