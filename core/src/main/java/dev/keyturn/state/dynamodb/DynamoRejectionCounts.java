package dev.keyturn.state.dynamodb;

import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.audit.RejectionTally;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Webhook rejection tallies as audit items: {@code AUDIT#<day>#<shard> /
 * <minute>#rejections#<source>}, one per source and minute, the counts added atomically ({@code
 * ADD}) so several containers' tallies sum up. The first request id stays; the last is the last one
 * written. Kept as long as audit events ({@link DynamoAuditLog#RETENTION}).
 */
public final class DynamoRejectionCounts implements RejectionCounts {

  static final String COUNT_PREFIX = "count_";
  static final String TOTAL = "total";
  static final String FIRST_REQUEST = "firstRequestId";
  static final String FIRST_AT = "firstAt";
  static final String LAST_REQUEST = "lastRequestId";
  static final String LAST_AT = "lastAt";
  static final String AGGREGATE = "aggregate";

  private final StateTable table;

  public DynamoRejectionCounts(StateTable table) {
    this.table = table;
  }

  @Override
  public void add(RejectionTally tally) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringJoiner set = new StringJoiner(", ", "SET ", "");
    set(set, names, values, "at", DynamoAuditLog.AT, Items.instant(tally.minute()), true);
    set(set, names, values, "actor", DynamoAuditLog.ACTOR, Items.s(tally.actor()), false);
    set(set, names, values, "action", DynamoAuditLog.ACTION, Items.s(RejectionTally.ACTION), false);
    set(set, names, values, "subject", DynamoAuditLog.SUBJECT, Items.s(tally.source()), false);
    set(set, names, values, "outcome", DynamoAuditLog.OUTCOME, Items.s(AGGREGATE), false);
    set(set, names, values, "first", FIRST_REQUEST, Items.s(tally.firstRequestId()), true);
    set(set, names, values, "firstAt", FIRST_AT, Items.instant(tally.firstAt()), true);
    set(set, names, values, "last", LAST_REQUEST, Items.s(tally.lastRequestId()), false);
    set(set, names, values, "lastAt", LAST_AT, Items.instant(tally.lastAt()), false);
    set(
        set,
        names,
        values,
        "exp",
        Items.TTL,
        Items.n(tally.minute().plus(DynamoAuditLog.RETENTION).getEpochSecond()),
        false);
    StringJoiner add = new StringJoiner(", ", " ADD ", "");
    names.put("#total", TOTAL);
    values.put(":total", Items.n(tally.total()));
    add.add("#total :total");
    int i = 0;
    for (Map.Entry<String, Long> count : tally.counts().entrySet()) {
      names.put("#c" + i, COUNT_PREFIX + count.getKey());
      values.put(":c" + i, Items.n(count.getValue()));
      add.add("#c" + i + " :c" + i);
      i++;
    }
    table
        .client()
        .updateItem(
            UpdateItemRequest.builder()
                .tableName(table.name())
                .key(
                    Items.key(
                        AuditPartitions.tallyPartition(tally.source(), tally.minute()),
                        AuditPartitions.tallySortKey(tally.source(), tally.minute())))
                .updateExpression(set + add.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build());
  }

  private static void set(
      StringJoiner set,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      String placeholder,
      String attribute,
      AttributeValue value,
      boolean keepExisting) {
    names.put("#" + placeholder, attribute);
    values.put(":" + placeholder, value);
    set.add(
        keepExisting
            ? "#" + placeholder + " = if_not_exists(#" + placeholder + ", :" + placeholder + ")"
            : "#" + placeholder + " = :" + placeholder);
  }
}
