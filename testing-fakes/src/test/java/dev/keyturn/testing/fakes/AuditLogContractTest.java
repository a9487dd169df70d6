package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.audit.RejectionTally;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoRejectionCounts;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link FakeAuditLog} and {@link DynamoAuditLog} with {@link DynamoRejectionCounts} (the webhook's
 * rejection tallies, read back through the audit trail) held to one contract.
 */
@WithLocalAws
class AuditLogContractTest {

  /** Early enough today that a few seconds later is still today, and whole (no fraction). */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).plusSeconds(60);

  abstract static class Contract {

    final AuditLog audit;
    final RejectionCounts counts;
    final String subject = StateTables.unique("app");

    Contract(AuditLog audit, RejectionCounts counts) {
      this.audit = audit;
      this.counts = counts;
    }

    /** One implementation of both ports (the fake). */
    <T extends AuditLog & RejectionCounts> Contract(T both) {
      this(both, both);
    }

    /** A tally of the minute starting at {@code minute}: first request 1 s in, last 50 s in. */
    RejectionTally tally(Instant minute, Map<String, Long> counts, String first, String last) {
      return new RejectionTally(
          subject,
          minute,
          "keyturn-webhook",
          counts,
          first,
          minute.plusSeconds(1),
          last,
          minute.plusSeconds(50));
    }

    @Test
    void tallies_ofOneSourceAndMinute_addUp_keepingTheFirstRequest_andTheLastOne() {
      Instant minute = T0.plusSeconds(120);
      counts.add(tally(minute, Map.of("SIGNATURE_MISMATCH", 1L), "req-1", "req-1"));
      counts.add(
          tally(minute, Map.of("SIGNATURE_MISMATCH", 40L, "MALFORMED_HEADER", 2L), "r-2", "r-9"));

      assertThat(audit.since(minute, subject, 10))
          .singleElement()
          .satisfies(e -> {
            assertThat(e.at()).isEqualTo(minute);
            assertThat(e.action()).isEqualTo(RejectionTally.ACTION);
            assertThat(e.outcome()).isEqualTo("aggregate");
            assertThat(e.actor()).isEqualTo("keyturn-webhook");
            assertThat(e.versionIds()).isEmpty();
            assertThat(e.detail())
                .containsExactlyInAnyOrderEntriesOf(
                    Map.of(
                        "SIGNATURE_MISMATCH", "41",
                        "MALFORMED_HEADER", "2",
                        "total", "43",
                        "firstRequestId", "req-1",
                        "firstAt", minute.plusSeconds(1).toString(),
                        "lastRequestId", "r-9",
                        "lastAt", minute.plusSeconds(50).toString()));
          });
    }

    @Test
    void tally_isListedFromAnyInstantOfItsMinute_andMergedWithEventsByTime() {
      Instant minute = T0.plusSeconds(180);
      audit.record(event(minute.minusMillis(1), "before"));
      counts.add(tally(minute, Map.of("MISSING_SIGNATURE", 3L), "r-1", "r-3"));
      audit.record(event(minute.plusSeconds(1), "after"));

      assertThat(audit.since(minute.minusMillis(1), subject, 10))
          .extracting(AuditEvent::action)
          .containsExactly("before", RejectionTally.ACTION, "after");
      assertThat(audit.since(minute.plusSeconds(59), subject, 10))
          .extracting(AuditEvent::action)
          .containsExactly(RejectionTally.ACTION);
      assertThat(audit.since(minute.plusSeconds(60), subject, 10)).isEmpty();
    }

    AuditEvent event(Instant at, String action) {
      return AuditEvent.of(at, "test", action, subject, "ok");
    }

    @Test
    void since_isInclusive_oldestFirst_whateverTheOrderOfRecording() {
      audit.record(event(T0.plusMillis(500), "second"));
      audit.record(event(T0.plusSeconds(1), "third"));
      audit.record(event(T0, "first"));
      audit.record(event(T0.minusMillis(1), "before"));

      assertThat(audit.since(T0, subject, 10))
          .extracting(AuditEvent::action)
          .containsExactly("first", "second", "third");
    }

    @Test
    void since_keepsOnlyTheSubject_andAtMostTheLimit() {
      audit.record(event(T0, "a"));
      audit.record(AuditEvent.of(T0.plusMillis(1), "test", "other", subject + "-x", "ok"));
      audit.record(event(T0.plusMillis(2), "b"));
      audit.record(event(T0.plusMillis(3), "c"));

      assertThat(audit.since(T0, subject, 2))
          .extracting(AuditEvent::action)
          .containsExactly("a", "b");
      assertThat(audit.since(T0, null, 100))
          .extracting(AuditEvent::action)
          .containsSubsequence("a", "other", "b", "c");
    }

    @Test
    void since_returnsTheEventAsRecorded_versionsAndDetailIncluded() {
      AuditEvent full =
          event(T0.plusNanos(123_456_789), "rotation.finishSecret")
              .withVersions(List.of("v-old", "v-new"))
              .withDetail(Map.of("keys", "ONE,TWO", "releaseId", "rel-1"));
      audit.record(full);

      assertThat(audit.since(T0, subject, 10)).containsExactly(full);
    }

    @Test
    void since_readsUpToToday_soAnEventDatedTomorrowIsNotListed() {
      audit.record(event(T0.plus(Duration.ofDays(1)), "tomorrow"));

      assertThat(audit.since(T0, subject, 10)).isEmpty();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeAuditLog());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(
          new DynamoAuditLog(StateTables.of(dynamoDb)),
          new DynamoRejectionCounts(StateTables.of(dynamoDb)));
    }
  }
}
