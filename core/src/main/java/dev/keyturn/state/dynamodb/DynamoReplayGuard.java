package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.MSG_PREFIX;
import static dev.keyturn.state.dynamodb.Items.WEBHOOK_PREFIX;

import dev.keyturn.state.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@code WEBHOOK#<source> / MSG#<key>} with a TTL. DynamoDB's TTL deletion lags, so an item past
 * its expiry still present counts as absent (the condition checks the expiry itself).
 */
public final class DynamoReplayGuard implements ReplayGuard {

  private static final String SEEN_AT = "seenAt";

  private final StateTable table;

  public DynamoReplayGuard(StateTable table) {
    this.table = table;
  }

  @Override
  public boolean firstSeen(String source, String key, Instant now, Duration ttl) {
    Map<String, AttributeValue> item =
        new HashMap<>(Items.key(WEBHOOK_PREFIX + source, MSG_PREFIX + key));
    item.put(SEEN_AT, Items.instant(now));
    item.put(Items.TTL, Items.n(now.plus(ttl).getEpochSecond()));
    try {
      table
          .client()
          .putItem(
              PutItemRequest.builder()
                  .tableName(table.name())
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR #ttl < :now")
                  .expressionAttributeNames(Map.of("#ttl", Items.TTL))
                  .expressionAttributeValues(Map.of(":now", Items.n(now.getEpochSecond())))
                  .build());
      return true;
    } catch (ConditionalCheckFailedException replay) {
      return false;
    }
  }
}
