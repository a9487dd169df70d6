package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.LEASE_PREFIX;
import static dev.keyturn.state.dynamodb.Items.LOCK_SK;

import dev.keyturn.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@code LEASE#<resource> / LOCK}: a conditional put succeeds only when no lease exists or the
 * existing one has run out, so two invocations never hold the same resource. The TTL attribute lets
 * DynamoDB clean up leases a crashed holder never released.
 */
public final class DynamoLeaseStore implements LeaseStore {

  private static final String OWNER = "owner";
  private static final String UNTIL = "leaseUntil";

  private final StateTable table;

  public DynamoLeaseStore(StateTable table) {
    this.table = table;
  }

  @Override
  public Optional<Lease> acquire(String resource, String owner, Duration ttl, Instant now) {
    Instant until = now.plus(ttl);
    Map<String, AttributeValue> item = new HashMap<>(Items.key(LEASE_PREFIX + resource, LOCK_SK));
    item.put(OWNER, Items.s(owner));
    item.put(UNTIL, Items.n(until.toEpochMilli()));
    item.put(Items.TTL, Items.n(until.getEpochSecond() + 3600));
    try {
      table
          .client()
          .putItem(
              PutItemRequest.builder()
                  .tableName(table.name())
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR #until < :now")
                  .expressionAttributeNames(Map.of("#until", UNTIL))
                  .expressionAttributeValues(Map.of(":now", Items.n(now.toEpochMilli())))
                  .build());
      return Optional.of(new Lease(resource, owner, until));
    } catch (ConditionalCheckFailedException held) {
      return Optional.empty();
    }
  }

  @Override
  public void release(Lease lease) {
    try {
      table
          .client()
          .deleteItem(
              DeleteItemRequest.builder()
                  .tableName(table.name())
                  .key(Items.key(LEASE_PREFIX + lease.resource(), LOCK_SK))
                  .conditionExpression("#owner = :owner")
                  .expressionAttributeNames(Map.of("#owner", OWNER))
                  .expressionAttributeValues(Map.of(":owner", Items.s(lease.owner())))
                  .build());
    } catch (ConditionalCheckFailedException takenOver) {
      // someone else holds it now (ours expired); theirs is not ours to release
    }
  }
}
