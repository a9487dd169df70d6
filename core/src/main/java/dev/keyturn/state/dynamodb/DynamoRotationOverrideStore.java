package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.FORCE_PREFIX;
import static dev.keyturn.state.dynamodb.Items.TTL;

import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.RotationOverrideStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code FORCE#<name> / NEXT}: the entry's one-shot rotation override, in a partition of its own so
 * the rotate role's grant on it covers nothing else. Granting is one PutItem; taking is one
 * conditional UpdateItem that stamps the taking token, so two rotations can never both use it and a
 * retried step of the same rotation still finds it. The lapse is checked in the condition ({@code
 * notAfterMs}); the table's TTL only clears the item away later.
 */
public final class DynamoRotationOverrideStore implements RotationOverrideStore {

  private static final String SK = "NEXT";
  private static final String ACTOR = "actor";
  private static final String GRANTED_AT = "grantedAt";
  private static final String NOT_AFTER = "notAfter";
  private static final String NOT_AFTER_MS = "notAfterMs";
  private static final String TAKEN_BY = "takenBy";
  private static final String TAKEN_AT = "takenAt";

  /** The item outlives its lapse by a day, for whoever looks at the table afterwards. */
  private static final Duration KEEP = Duration.ofDays(1);

  private final StateTable table;

  public DynamoRotationOverrideStore(StateTable table) {
    this.table = table;
  }

  @Override
  public void grant(RotationOverride o) {
    Map<String, AttributeValue> item = Items.key(FORCE_PREFIX + o.secretName(), SK);
    item.put(ACTOR, Items.s(o.actor()));
    item.put(GRANTED_AT, Items.instant(o.grantedAt()));
    item.put(NOT_AFTER, Items.instant(o.notAfter()));
    item.put(NOT_AFTER_MS, Items.n(o.notAfter().toEpochMilli()));
    item.put(TTL, Items.n(o.notAfter().plus(KEEP).getEpochSecond()));
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
  }

  @Override
  public Optional<RotationOverride> take(String secretName, String token, Instant now) {
    try {
      Map<String, AttributeValue> item =
          table
              .client()
              .updateItem(
                  UpdateItemRequest.builder()
                      .tableName(table.name())
                      .key(Items.key(FORCE_PREFIX + secretName, SK))
                      .updateExpression("SET #by = :t, #at = if_not_exists(#at, :now)")
                      .conditionExpression(
                          "attribute_exists(#ms) AND #ms > :nowMs"
                              + " AND (attribute_not_exists(#by) OR #by = :t)")
                      .expressionAttributeNames(
                          Map.of("#by", TAKEN_BY, "#at", TAKEN_AT, "#ms", NOT_AFTER_MS))
                      .expressionAttributeValues(
                          Map.of(
                              ":t", Items.s(token),
                              ":now", Items.instant(now),
                              ":nowMs", Items.n(now.toEpochMilli())))
                      .returnValues(ReturnValue.ALL_NEW)
                      .build())
              .attributes();
      return Optional.of(
          new RotationOverride(
              secretName,
              Items.str(item, ACTOR),
              Items.instant(item, GRANTED_AT),
              Items.instant(item, NOT_AFTER)));
    } catch (ConditionalCheckFailedException noneToTake) {
      return Optional.empty();
    }
  }
}
