package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeAuditLog} and {@link DynamoAuditLog} held to one contract. */
@WithLocalAws
class AuditLogContractTest {

  /** Early enough today that a few seconds later is still today, and whole (no fraction). */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).plusSeconds(60);

  abstract static class Contract {

    final AuditLog audit;
    final String subject = StateTables.unique("app");

    Contract(AuditLog audit) {
      this.audit = audit;
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
      super(new DynamoAuditLog(StateTables.of(dynamoDb)));
    }
  }
}
