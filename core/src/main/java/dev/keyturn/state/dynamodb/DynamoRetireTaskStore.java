package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.RETIRE_PK;
import static dev.keyturn.state.dynamodb.Items.SECRET_PREFIX;

import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code RETIRE / SECRET#<name>#<new version>}: one retire-at-vendor task. All tasks share one
 * partition, so the sweep and {@code status} read every open one with a single paged Query. A
 * closed task stays for the record and expires with the audit trail (400 days).
 */
public final class DynamoRetireTaskStore implements RetireTaskStore {

  private static final String NAME = "secretName";
  private static final String VENDOR = "vendor";
  private static final String DASHBOARD = "dashboard";
  private static final String OLD_VERSION = "oldVersion";
  private static final String NEW_VERSION = "newVersion";
  private static final String CREATED = "createdAt";
  private static final String DUE = "dueBy";
  private static final String CLOSED_AT = "closedAt";
  private static final String CLOSED_BY = "closedBy";
  private static final Duration KEEP_CLOSED = Duration.ofDays(400);

  private final StateTable table;

  public DynamoRetireTaskStore(StateTable table) {
    this.table = table;
  }

  /** A conditional put: a repeat (an SDK retry, a resumed rotation) leaves the first item. */
  @Override
  public void record(RetireTask t) {
    Map<String, AttributeValue> item =
        new HashMap<>(Items.key(RETIRE_PK, sortKey(t.secretName(), t.newVersion())));
    item.put(NAME, Items.s(t.secretName()));
    item.put(VENDOR, Items.s(t.vendor()));
    item.put(DASHBOARD, Items.s(t.dashboard()));
    if (t.oldVersion() != null) {
      item.put(OLD_VERSION, Items.s(t.oldVersion()));
    }
    item.put(NEW_VERSION, Items.s(t.newVersion()));
    item.put(CREATED, Items.instant(t.createdAt()));
    item.put(DUE, Items.instant(t.dueBy()));
    WriteOnceItems.putOnce(table, item); // the same task, recorded before: kept as it is
  }

  @Override
  public List<RetireTask> open() {
    return query(SECRET_PREFIX).stream().filter(RetireTask::open).toList();
  }

  @Override
  public List<RetireTask> open(String secretName) {
    return query(SECRET_PREFIX + secretName + "#").stream().filter(RetireTask::open).toList();
  }

  /** One UpdateItem per open task; a repeat finds the task closed and keeps the first close. */
  @Override
  public List<RetireTask> close(String secretName, Instant at, String by) {
    List<RetireTask> closed = new ArrayList<>();
    for (RetireTask t : open(secretName)) {
      try {
        table
            .client()
            .updateItem(
                UpdateItemRequest.builder()
                    .tableName(table.name())
                    .key(Items.key(RETIRE_PK, sortKey(t.secretName(), t.newVersion())))
                    .updateExpression("SET #at = :at, #by = :by, #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(#at)")
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .expressionAttributeNames(
                        Map.of("#at", CLOSED_AT, "#by", CLOSED_BY, "#ttl", Items.TTL))
                    .expressionAttributeValues(
                        Map.of(
                            ":at", Items.instant(at),
                            ":by", Items.s(by),
                            ":ttl", Items.n(at.plus(KEEP_CLOSED).getEpochSecond())))
                    .build());
        closed.add(t.closed(at, by));
      } catch (ConditionalCheckFailedException closedMeanwhile) {
        // closed already: by this call's own first attempt (applied, answer lost, SDK retried:
        // the item carries our time and name), which counts as closed now, or by someone else
        Map<String, AttributeValue> item = closedMeanwhile.item();
        if (item != null
            && at.equals(Items.instant(item, CLOSED_AT))
            && by.equals(Items.str(item, CLOSED_BY))) {
          closed.add(t.closed(at, by));
        }
      }
    }
    return closed;
  }

  private List<RetireTask> query(String skPrefix) {
    List<RetireTask> tasks = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder request =
          QueryRequest.builder()
              .tableName(table.name())
              .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
              .expressionAttributeNames(Map.of("#pk", Items.PK, "#sk", Items.SK))
              .expressionAttributeValues(
                  Map.of(":pk", Items.s(RETIRE_PK), ":sk", Items.s(skPrefix)))
              .consistentRead(true);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      QueryResponse page = table.client().query(request.build());
      page.items().forEach(i -> tasks.add(toTask(i)));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    tasks.sort(Comparator.comparing(RetireTask::createdAt));
    return tasks;
  }

  private static RetireTask toTask(Map<String, AttributeValue> i) {
    return new RetireTask(
        Items.str(i, NAME),
        Items.str(i, VENDOR),
        Items.str(i, DASHBOARD),
        Items.str(i, OLD_VERSION),
        Items.str(i, NEW_VERSION),
        Items.instant(i, CREATED),
        Items.instant(i, DUE),
        Items.instant(i, CLOSED_AT),
        Items.str(i, CLOSED_BY));
  }

  private static String sortKey(String secretName, String newVersion) {
    return SECRET_PREFIX + secretName + "#" + newVersion;
  }
}
