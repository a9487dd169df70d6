package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.SIGHTING_SK;
import static dev.keyturn.state.dynamodb.Items.WEBHOOK_PREFIX;

import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.SenderSightings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code WEBHOOK#<source> / SIGHTING}: the secret version the source's sender last signed a
 * verified delivery with, and when. One conditional UpdateItem per sighting: only a sighting at
 * least as late as the recorded one (compared in epoch milliseconds, {@code seenAtMs}) replaces it,
 * so deliveries verified out of order, and the SDK's repeats, leave the latest in place.
 */
public final class DynamoSenderSightings implements SenderSightings {

  private static final String VERSION = "versionId";
  private static final String SEEN_AT = "seenAt";
  private static final String SEEN_AT_MS = "seenAtMs";

  private final StateTable table;

  public DynamoSenderSightings(StateTable table) {
    this.table = table;
  }

  @Override
  public void record(String source, String versionId, Instant at) {
    try {
      table
          .client()
          .updateItem(
              UpdateItemRequest.builder()
                  .tableName(table.name())
                  .key(Items.key(WEBHOOK_PREFIX + source, SIGHTING_SK))
                  .updateExpression("SET #v = :v, #at = :at, #ms = :ms")
                  .conditionExpression("attribute_not_exists(#ms) OR #ms <= :ms")
                  .expressionAttributeNames(
                      Map.of("#v", VERSION, "#at", SEEN_AT, "#ms", SEEN_AT_MS))
                  .expressionAttributeValues(
                      Map.of(
                          ":v", Items.s(versionId),
                          ":at", Items.instant(at),
                          ":ms", Items.n(at.toEpochMilli())))
                  .build());
    } catch (ConditionalCheckFailedException later) {
      // a later sighting is recorded already: it stays
    }
  }

  @Override
  public Optional<SenderSighting> last(String source) {
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(
                GetItemRequest.builder()
                    .tableName(table.name())
                    .key(Items.key(WEBHOOK_PREFIX + source, SIGHTING_SK))
                    .consistentRead(true)
                    .build())
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SenderSighting(source, Items.str(item, VERSION), Items.instant(item, SEEN_AT)));
  }
}
