package dev.keyturn.state.dynamodb;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code AUDIT#<yyyy-mm-dd> / <iso-ts>#<uuid>}: one partition per UTC day, sorted by time, kept for
 * {@link #RETENTION} via the table TTL. Reading a day also reads the webhook rejection tallies
 * {@link DynamoRejectionCounts} keeps in that day's shard partitions ({@link AuditPartitions}),
 * merged by time: each is one event, outcome {@code aggregate}, detail the counts by reason, {@code
 * total}, and the first and last request ids and instants.
 */
public final class DynamoAuditLog implements AuditLog {

  static final Duration RETENTION = Duration.ofDays(400);

  static final String AT = "at";
  static final String ACTOR = "actor";
  static final String ACTION = "action";
  static final String SUBJECT = "subject";
  static final String OUTCOME = "outcome";
  private static final String VERSIONS = "versionIds";
  private static final String DETAIL = "detail";

  private static final DateTimeFormatter SORTABLE = AuditPartitions.SORTABLE;

  private final StateTable table;

  public DynamoAuditLog(StateTable table) {
    this.table = table;
  }

  @Override
  public void record(AuditEvent e) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Items.key(
                AuditPartitions.day(e.at()), SORTABLE.format(e.at()) + "#" + UUID.randomUUID()));
    item.put(AT, Items.instant(e.at()));
    item.put(ACTOR, Items.s(e.actor()));
    item.put(ACTION, Items.s(e.action()));
    item.put(SUBJECT, Items.s(e.subject()));
    item.put(OUTCOME, Items.s(e.outcome()));
    if (!e.versionIds().isEmpty()) {
      item.put(VERSIONS, AttributeValue.fromL(e.versionIds().stream().map(Items::s).toList()));
    }
    if (!e.detail().isEmpty()) {
      Map<String, AttributeValue> detail = new HashMap<>();
      e.detail().forEach((k, v) -> detail.put(k, Items.s(v)));
      item.put(DETAIL, AttributeValue.fromM(detail));
    }
    item.put(Items.TTL, Items.n(e.at().plus(RETENTION).getEpochSecond()));
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
  }

  @Override
  public List<AuditEvent> since(Instant since, String subject, int limit) {
    List<AuditEvent> out = new ArrayList<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (LocalDate day = since.atOffset(ZoneOffset.UTC).toLocalDate();
        !day.isAfter(today) && out.size() < limit;
        day = day.plusDays(1)) {
      readDay(day, since, subject, limit - out.size(), out);
    }
    return out;
  }

  /** The day's events and tallies, merged by sort key (time), at most {@code max}. */
  private void readDay(
      LocalDate day, Instant since, String subject, int max, List<AuditEvent> out) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    readPartition(AuditPartitions.events(day), since, subject, max, items);
    // a tally is keyed by the start of its minute and covers all of it
    Instant minute = since.truncatedTo(ChronoUnit.MINUTES);
    for (String partition : AuditPartitions.tallies(day, subject)) {
      readPartition(partition, minute, subject, max, items);
    }
    items.sort(Comparator.comparing(i -> Items.str(i, Items.SK)));
    items.stream().limit(max).map(DynamoAuditLog::toEvent).forEach(out::add);
  }

  private void readPartition(
      String partition,
      Instant since,
      String subject,
      int max,
      List<Map<String, AttributeValue>> items) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table.name())
            .keyConditionExpression("pk = :pk AND sk >= :since");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", Items.s(partition));
    values.put(":since", Items.s(SORTABLE.format(since)));
    if (subject != null) {
      query
          .filterExpression("#subject = :subject")
          .expressionAttributeNames(Map.of("#subject", SUBJECT));
      values.put(":subject", Items.s(subject));
    }
    query.expressionAttributeValues(values);
    int remaining = max;
    for (Map<String, AttributeValue> i : table.client().queryPaginator(query.build()).items()) {
      items.add(i);
      if (--remaining == 0) {
        return;
      }
    }
  }

  private static AuditEvent toEvent(Map<String, AttributeValue> i) {
    List<String> versions =
        i.containsKey(VERSIONS)
            ? i.get(VERSIONS).l().stream().map(AttributeValue::s).toList()
            : List.of();
    Map<String, String> detail = new HashMap<>();
    if (i.containsKey(DETAIL)) {
      i.get(DETAIL).m().forEach((k, v) -> detail.put(k, v.s()));
    }
    if (DynamoRejectionCounts.AGGREGATE.equals(Items.str(i, OUTCOME))) {
      tallyDetail(i, detail);
    }
    return new AuditEvent(
        Items.instant(i, AT),
        Items.str(i, ACTOR),
        Items.str(i, ACTION),
        Items.str(i, SUBJECT),
        Items.str(i, OUTCOME),
        versions,
        detail);
  }

  /** A rejection tally's counts by reason, total, and first and last requests, as detail. */
  private static void tallyDetail(Map<String, AttributeValue> i, Map<String, String> detail) {
    i.forEach((name, value) -> {
      if (name.startsWith(DynamoRejectionCounts.COUNT_PREFIX)) {
        detail.put(name.substring(DynamoRejectionCounts.COUNT_PREFIX.length()), value.n());
      }
    });
    detail.put(
        DynamoRejectionCounts.TOTAL,
        Long.toString(Items.longValue(i, DynamoRejectionCounts.TOTAL)));
    for (String key :
        List.of(
            DynamoRejectionCounts.FIRST_REQUEST,
            DynamoRejectionCounts.FIRST_AT,
            DynamoRejectionCounts.LAST_REQUEST,
            DynamoRejectionCounts.LAST_AT)) {
      String value = Items.str(i, key);
      if (value != null) {
        detail.put(key, value);
      }
    }
  }
}
