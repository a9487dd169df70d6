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
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@code LEASE#<resource> / LOCK}: a conditional put succeeds only when no lease exists or the
 * existing one has run out, so two invocations never hold the same resource. The TTL attribute lets
 * DynamoDB clean up leases a crashed holder never released. A failed condition returns the item
 * that is there: when its owner is the caller, it is the caller's own put, applied by an attempt
 * whose answer was lost and found again by the SDK's retry, so the lease is held (owners are unique
 * per holder).
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
                  .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                  .build());
      return Optional.of(new Lease(resource, owner, until));
    } catch (ConditionalCheckFailedException held) {
      return ownPut(held, resource, owner);
    }
  }

  private static Optional<Lease> ownPut(
      ConditionalCheckFailedException held, String resource, String owner) {
    if (!held.hasItem() || !held.item().containsKey(OWNER) || !held.item().containsKey(UNTIL)) {
      return Optional.empty();
    }
    if (!owner.equals(held.item().get(OWNER).s())) {
      return Optional.empty();
    }
    long until = Long.parseLong(held.item().get(UNTIL).n());
    return Optional.of(new Lease(resource, owner, java.time.Instant.ofEpochMilli(until)));
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
