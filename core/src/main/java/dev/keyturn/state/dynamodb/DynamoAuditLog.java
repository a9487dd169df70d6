package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.AUDIT_PREFIX;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code AUDIT#<yyyy-mm-dd> / <iso-ts>#<uuid>}: one partition per UTC day, sorted by time, kept for
 * {@link #RETENTION} via the table TTL.
 */
public final class DynamoAuditLog implements AuditLog {

  static final Duration RETENTION = Duration.ofDays(400);

  private static final String AT = "at";
  private static final String ACTOR = "actor";
  private static final String ACTION = "action";
  private static final String SUBJECT = "subject";
  private static final String OUTCOME = "outcome";
  private static final String VERSIONS = "versionIds";
  private static final String DETAIL = "detail";

  /**
   * Sort keys start with the instant at a fixed width: {@code Instant.toString()} drops a zero
   * fraction ({@code ...:00Z}), which sorts after {@code ...:00.5Z} and broke order and {@code
   * since} within a second.
   */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final StateTable table;

  public DynamoAuditLog(StateTable table) {
    this.table = table;
  }

  @Override
  public void record(AuditEvent e) {
    String day = e.at().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    Map<String, AttributeValue> item =
        new HashMap<>(
            Items.key(AUDIT_PREFIX + day, SORTABLE.format(e.at()) + "#" + UUID.randomUUID()));
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

  private void readDay(
      LocalDate day, Instant since, String subject, int max, List<AuditEvent> out) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table.name())
            .keyConditionExpression("pk = :pk AND sk >= :since");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", Items.s(AUDIT_PREFIX + day));
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
      out.add(toEvent(i));
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
    return new AuditEvent(
        Items.instant(i, AT),
        Items.str(i, ACTOR),
        Items.str(i, ACTION),
        Items.str(i, SUBJECT),
        Items.str(i, OUTCOME),
        versions,
        detail);
  }
}
