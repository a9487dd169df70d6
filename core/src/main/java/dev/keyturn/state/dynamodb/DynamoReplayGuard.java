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
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code WEBHOOK#<source> / MSG#<key>}: {@code state} ({@code pending} or {@code done}), {@code
 * claimant} (request id), {@code pendingUntil} (epoch ms), and the table TTL {@code expiresAt}: the
 * end of the pending claim, or of the replay window once done. Every write is conditional, and
 * DynamoDB's TTL deletion lags, so an item past its {@code expiresAt} counts as absent. Items
 * written before claims had a state count as done.
 */
public final class DynamoReplayGuard implements ReplayGuard {

  private static final String STATE = "state";
  private static final String CLAIMANT = "claimant";
  private static final String PENDING_UNTIL = "pendingUntil";
  private static final String SEEN_AT = "seenAt";
  private static final String DONE_AT = "doneAt";
  private static final String PENDING = "pending";
  private static final String DONE = "done";

  /** Free, expired, or this claimant's own pending claim (an SDK retry of a put that succeeded). */
  private static final String CLAIMABLE =
      "attribute_not_exists(pk) OR #exp < :nowSeconds OR (#claimant = :me AND #state = :pending)";

  private static final Map<String, String> NAMES =
      Map.of("#exp", Items.TTL, "#claimant", CLAIMANT, "#state", STATE);

  private final StateTable table;

  public DynamoReplayGuard(StateTable table) {
    this.table = table;
  }

  @Override
  public Claim claim(
      String source, String key, String claimant, Instant now, Instant pendingUntil) {
    Map<String, AttributeValue> item = new HashMap<>(key(source, key));
    item.put(STATE, Items.s(PENDING));
    item.put(CLAIMANT, Items.s(claimant));
    item.put(SEEN_AT, Items.instant(now));
    item.put(PENDING_UNTIL, Items.n(pendingUntil.toEpochMilli()));
    item.put(Items.TTL, Items.n(ceilSeconds(pendingUntil)));
    try {
      table
          .client()
          .putItem(
              PutItemRequest.builder()
                  .tableName(table.name())
                  .item(item)
                  .conditionExpression(CLAIMABLE)
                  .expressionAttributeNames(NAMES)
                  .expressionAttributeValues(
                      Map.of(
                          ":nowSeconds", Items.n(now.getEpochSecond()),
                          ":me", Items.s(claimant),
                          ":pending", Items.s(PENDING)))
                  .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                  .build());
      return new Claim.Claimed();
    } catch (ConditionalCheckFailedException taken) {
      return existing(taken.item());
    }
  }

  private static Claim existing(Map<String, AttributeValue> old) {
    if (old != null && PENDING.equals(Items.str(old, STATE))) {
      return new Claim.Pending(Instant.ofEpochMilli(Items.longValue(old, PENDING_UNTIL)));
    }
    return new Claim.Done();
  }

  @Override
  public boolean complete(String source, String key, String claimant, Instant now, Duration ttl) {
    try {
      // no state in the condition: an SDK retry of a completion that succeeded completes again
      table
          .client()
          .updateItem(
              UpdateItemRequest.builder()
                  .tableName(table.name())
                  .key(key(source, key))
                  .updateExpression("SET #state = :done, #doneAt = :now, #exp = :exp")
                  .conditionExpression("#claimant = :me")
                  .expressionAttributeNames(
                      Map.of(
                          "#state",
                          STATE,
                          "#doneAt",
                          DONE_AT,
                          "#exp",
                          Items.TTL,
                          "#claimant",
                          CLAIMANT))
                  .expressionAttributeValues(
                      Map.of(
                          ":done", Items.s(DONE),
                          ":now", Items.instant(now),
                          ":exp", Items.n(now.plus(ttl).getEpochSecond()),
                          ":me", Items.s(claimant)))
                  .build());
      return true;
    } catch (ConditionalCheckFailedException notOurs) {
      return false;
    }
  }

  @Override
  public boolean release(String source, String key, String claimant) {
    try {
      // absent is fine: an SDK retry of a release that succeeded
      table
          .client()
          .deleteItem(
              DeleteItemRequest.builder()
                  .tableName(table.name())
                  .key(key(source, key))
                  .conditionExpression(
                      "attribute_not_exists(pk) OR (#claimant = :me AND #state = :pending)")
                  .expressionAttributeNames(Map.of("#claimant", CLAIMANT, "#state", STATE))
                  .expressionAttributeValues(
                      Map.of(":me", Items.s(claimant), ":pending", Items.s(PENDING)))
                  .build());
      return true;
    } catch (ConditionalCheckFailedException notOurs) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String source, String key) {
    return Items.key(WEBHOOK_PREFIX + source, MSG_PREFIX + key);
  }

  private static long ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }
}
