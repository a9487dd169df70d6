package dev.keyturn.benchmarks.coldstart.launch.bare;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The Heroku app lease of a bare sync, written inline as keyturn's DynamoDB lease store does. */
final class BareLeases {

  /** A lease held: its owner and fencing version. */
  record Lease(String app, String owner, long version) {}

  private final BareAws aws;

  BareLeases(BareAws aws) {
    this.aws = aws;
  }

  /** Takes the app's lease: a conditional update that adds one to its fencing version. */
  Lease take(String app, String owner) {
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> item =
        leaseUpdate(
                app,
                "SET #owner = :owner, #until = :until ADD #version :one",
                "attribute_not_exists(pk) OR #until < :now",
                Map.of("#owner", "owner", "#until", "leaseUntil", "#version", "leaseVersion"),
                Map.of(
                    ":owner", BareAws.s(owner),
                    ":until", BareAws.n(now + 180_000),
                    ":one", BareAws.n(1),
                    ":now", BareAws.n(now)))
            .attributes();
    return new Lease(app, owner, Long.parseLong(item.get("leaseVersion").n()));
  }

  /** The fence before a write: the lease is still ours at its version. */
  void renew(Lease lease) {
    leaseUpdate(
        lease.app(),
        "SET #until = :until",
        "#owner = :owner AND #version = :version",
        Map.of("#owner", "owner", "#until", "leaseUntil", "#version", "leaseVersion"),
        Map.of(
            ":owner", BareAws.s(lease.owner()),
            ":version", BareAws.n(lease.version()),
            ":until", BareAws.n(System.currentTimeMillis() + 180_000)));
  }

  void release(Lease lease) {
    leaseUpdate(
        lease.app(),
        "SET #until = :zero REMOVE #owner",
        "#owner = :owner AND #version = :version",
        Map.of("#owner", "owner", "#until", "leaseUntil", "#version", "leaseVersion"),
        Map.of(
            ":owner", BareAws.s(lease.owner()),
            ":version", BareAws.n(lease.version()),
            ":zero", BareAws.n(0)));
  }

  private UpdateItemResponse leaseUpdate(
      String app,
      String expression,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    return aws.dynamoDb.updateItem(b ->
        b.tableName(aws.table)
            .key(BareAws.key("LEASE#heroku#" + app, "LOCK"))
            .updateExpression(expression)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .returnValues(ReturnValue.UPDATED_NEW)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
  }
}
