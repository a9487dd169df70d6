package dev.keyturn.state.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Records that are written once and read back by a sort-key prefix (sender pushes, revocations):
 * the first write of an item stays, so a retried or repeated write changes nothing.
 */
final class WriteOnceItems {

  private WriteOnceItems() {}

  /** Puts the item unless one with its key exists; the existing one is kept. */
  static void putOnce(StateTable table, Map<String, AttributeValue> item) {
    try {
      table
          .client()
          .putItem(
              PutItemRequest.builder()
                  .tableName(table.name())
                  .item(item)
                  .conditionExpression("attribute_not_exists(#pk)")
                  .expressionAttributeNames(Map.of("#pk", Items.PK))
                  .build());
    } catch (ConditionalCheckFailedException alreadyRecorded) {
      // the first record stays
    }
  }

  /** Every item of partition {@code pk} whose sort key starts with {@code prefix}. */
  static List<Map<String, AttributeValue>> withPrefix(StateTable table, String pk, String prefix) {
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table.name())
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", Items.PK, "#sk", Items.SK))
            .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":prefix", Items.s(prefix)))
            .consistentRead(true)
            .build();
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    table.client().queryPaginator(query).items().forEach(out::add);
    return out;
  }
}
