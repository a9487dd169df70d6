package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.LEASE_PREFIX;
import static dev.keyturn.state.dynamodb.Items.LOCK_SK;

import dev.keyturn.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@code LEASE#<resource> / LOCK}: {@code owner}, {@code leaseUntil} (epoch millis) and {@code
 * leaseVersion}, the fencing token. Taking the lease is a conditional update that succeeds only
 * when no lease exists or the existing one has run out, and adds one to the version, so two
 * invocations never hold the same resource and every later holder has a higher version. A renewal
 * is conditional on the owner and version still being the caller's. Releasing keeps the item (no
 * owner, run out), so the version never goes back; items are one per resource ever leased. A failed
 * take returns the item that is there: when its owner is the caller, it is the caller's own update,
 * applied by an attempt whose answer was lost and found again by the SDK's retry, so the lease is
 * held (owners are unique per holder).
 */
public final class DynamoLeaseStore implements LeaseStore {

  private static final String OWNER = "owner";
  private static final String UNTIL = "leaseUntil";
  private static final String VERSION = "leaseVersion";
  private static final Map<String, String> NAMES =
      Map.of("#owner", OWNER, "#until", UNTIL, "#version", VERSION);

  private final StateTable table;

  public DynamoLeaseStore(StateTable table) {
    this.table = table;
  }

  @Override
  public Optional<Lease> acquire(String resource, String owner, Duration ttl, Instant now) {
    Instant until = now.plus(ttl);
    try {
      UpdateItemResponse r =
          update(
              resource,
              "SET #owner = :owner, #until = :until ADD #version :one",
              "attribute_not_exists(pk) OR #until < :now",
              Map.of(
                  ":owner",
                  Items.s(owner),
                  ":until",
                  Items.n(until.toEpochMilli()),
                  ":one",
                  Items.n(1),
                  ":now",
                  Items.n(now.toEpochMilli())));
      return Optional.of(new Lease(resource, owner, until, version(r.attributes())));
    } catch (ConditionalCheckFailedException held) {
      return ownUpdate(held, resource, owner);
    }
  }

  private static Optional<Lease> ownUpdate(
      ConditionalCheckFailedException held, String resource, String owner) {
    if (!held.hasItem() || !held.item().containsKey(OWNER) || !held.item().containsKey(UNTIL)) {
      return Optional.empty();
    }
    if (!owner.equals(held.item().get(OWNER).s())) {
      return Optional.empty();
    }
    long until = Long.parseLong(held.item().get(UNTIL).n());
    return Optional.of(
        new Lease(resource, owner, Instant.ofEpochMilli(until), version(held.item())));
  }

  @Override
  public Optional<Lease> renew(Lease lease, Duration ttl, Instant now) {
    Instant until = now.plus(ttl);
    try {
      update(
          lease.resource(),
          "SET #until = :until",
          "#owner = :owner AND #version = :version",
          Map.of(
              ":owner",
              Items.s(lease.owner()),
              ":version",
              Items.n(lease.version()),
              ":until",
              Items.n(until.toEpochMilli())));
      return Optional.of(new Lease(lease.resource(), lease.owner(), until, lease.version()));
    } catch (ConditionalCheckFailedException fenced) {
      // taken over (or released) since: a newer holder may have written; we must not
      return Optional.empty();
    }
  }

  @Override
  public void release(Lease lease) {
    try {
      update(
          lease.resource(),
          "SET #until = :zero REMOVE #owner",
          "#owner = :owner AND #version = :version",
          Map.of(
              ":owner",
              Items.s(lease.owner()),
              ":version",
              Items.n(lease.version()),
              ":zero",
              Items.n(0)));
    } catch (ConditionalCheckFailedException takenOver) {
      // someone else holds it now (ours expired); theirs is not ours to release
    }
  }

  private UpdateItemResponse update(
      String resource, String expression, String condition, Map<String, AttributeValue> values) {
    return table
        .client()
        .updateItem(
            UpdateItemRequest.builder()
                .tableName(table.name())
                .key(Items.key(LEASE_PREFIX + resource, LOCK_SK))
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(names(expression + " " + condition))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.UPDATED_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build());
  }

  /** Only the names an expression uses: DynamoDB refuses unused ones. */
  private static Map<String, String> names(String expressions) {
    Map<String, String> used = new java.util.HashMap<>();
    NAMES.forEach((k, v) -> {
      if (expressions.contains(k)) {
        used.put(k, v);
      }
    });
    return used;
  }

  private static long version(Map<String, AttributeValue> item) {
    AttributeValue v = item == null ? null : item.get(VERSION);
    return v == null ? 0 : Long.parseLong(v.n());
  }
}
