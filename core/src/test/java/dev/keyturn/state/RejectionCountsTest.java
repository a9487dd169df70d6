package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.RejectionTally;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoRejectionCounts;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Webhook rejection tallies in the table, read back through the audit trail. */
@WithLocalAws
class RejectionCountsTest {

  static final Instant MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(600);

  StateTable table;
  DynamoRejectionCounts counts;
  DynamoAuditLog audit;

  @BeforeEach
  void stores(DynamoDbClient dynamoDb) {
    table = new StateTable(dynamoDb, LocalAwsExtension.TABLE);
    counts = new DynamoRejectionCounts(table);
    audit = new DynamoAuditLog(table);
  }

  private static RejectionTally tally(
      String source, Map<String, Long> counts, String first, String last, int fromSecond) {
    return new RejectionTally(
        source,
        MINUTE,
        "keyturn-webhook",
        counts,
        first,
        MINUTE.plusSeconds(fromSecond),
        last,
        MINUTE.plusSeconds(fromSecond + 5));
  }

  @Test
  void tallies_ofOneSourceAndMinute_addUp_keepingTheFirstRequest_andTheLatestLast() {
    counts.add(tally("acme", Map.of("SIGNATURE_MISMATCH", 1L), "req-1", "req-1", 1));
    counts.add(
        tally(
            "acme",
            Map.of("SIGNATURE_MISMATCH", 40L, "MALFORMED_HEADER", 2L),
            "req-2",
            "req-9",
            20));

    List<AuditEvent> events = audit.since(MINUTE, "acme", 10);

    assertThat(events)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.action()).isEqualTo("webhook.rejected");
          assertThat(e.outcome()).isEqualTo("aggregate");
          assertThat(e.at()).isEqualTo(MINUTE);
          assertThat(e.detail())
              .containsEntry("SIGNATURE_MISMATCH", "41")
              .containsEntry("MALFORMED_HEADER", "2")
              .containsEntry("total", "43")
              .containsEntry("firstRequestId", "req-1")
              .containsEntry("lastRequestId", "req-9");
        });
  }

  @Test
  void tallies_liveOutsideTheDaysEventPartition_andAreMergedWithItsEventsByTime() {
    audit.record(AuditEvent.of(MINUTE.minusSeconds(1), "a", "sync.patch", "app-b", "ok"));
    counts.add(tally("beta", Map.of("MISSING_SIGNATURE", 3L), "r-1", "r-3", 0));
    audit.record(AuditEvent.of(MINUTE.plusSeconds(1), "a", "sync.patch", "app-b", "ok"));

    List<AuditEvent> all = audit.since(MINUTE.minusSeconds(1), null, 100);
    String day = "AUDIT#" + MINUTE.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    long inDayPartition =
        table
            .client()
            .query(b ->
                b.tableName(table.name())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                day))))
            .items()
            .stream()
            .filter(i -> "beta".equals(i.get("subject").s()))
            .count();

    assertThat(all)
        .filteredOn(e -> e.subject().equals("beta") || e.subject().equals("app-b"))
        .extracting(AuditEvent::subject)
        .containsExactly("app-b", "beta", "app-b");
    assertThat(inDayPartition).isZero();
  }
}
