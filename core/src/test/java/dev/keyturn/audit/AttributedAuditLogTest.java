package dev.keyturn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.identity.CallerUnknownException;
import dev.keyturn.identity.RememberedCallerIdentity;
import dev.keyturn.identity.aws.StsCallerIdentityReader;
import dev.keyturn.observability.InvocationMdc;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Audit events name the principal STS answers with (moto's STS), not a self-asserted name. */
@WithLocalAws
class AttributedAuditLogTest {

  static DynamoAuditLog table;
  static String principal;
  static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeAll
  static void start() {
    table = new DynamoAuditLog(new StateTable(DynamoDbClient.create(), LocalAwsExtension.TABLE));
    try (StsClient sts = StsClient.create()) {
      principal = sts.getCallerIdentity().arn();
    }
  }

  @AfterEach
  void clearMdc() {
    InvocationMdc.end();
  }

  @Test
  void record_namesTheStsPrincipal_andKeepsTheGivenNameAsAHint() {
    StsClient sts = StsClient.create();
    AuditLog log =
        new AttributedAuditLog(
            table, new StsCallerIdentityReader(sts), InvocationMdc::triggeringEventId);

    log.record(AuditEvent.of(AT, "keyturn-cli:alice", "inventory.apply", "inventory", "ok"));

    AuditEvent stored = only("inventory");
    assertThat(principal).startsWith("arn:aws:");
    assertThat(stored.actor()).isEqualTo(principal);
    assertThat(stored.detail())
        .containsEntry(AttributedAuditLog.HINT, "keyturn-cli:alice")
        .doesNotContainKey(AttributedAuditLog.EVENT_ID);
  }

  @Test
  void record_inAnInvocation_carriesTheTriggeringEventId() {
    AuditLog log =
        new AttributedAuditLog(
            table,
            new StsCallerIdentityReader(StsClient.create()),
            InvocationMdc::triggeringEventId);
    InvocationMdc.begin("req-1", "keyturn-sync", "7");
    InvocationMdc.triggeredBy("eb-event-42");

    log.record(AuditEvent.of(AT, "keyturn-sync", "sync.patch", "kt-app-event", "ok"));

    AuditEvent stored = only("kt-app-event");
    assertThat(stored.actor()).isEqualTo(principal);
    assertThat(stored.detail())
        .containsEntry(AttributedAuditLog.EVENT_ID, "eb-event-42")
        .containsEntry(AttributedAuditLog.HINT, "keyturn-sync");
  }

  @Test
  void record_withoutATriggeringEvent_namesTheRequest() {
    AuditLog log =
        new AttributedAuditLog(
            table,
            new StsCallerIdentityReader(StsClient.create()),
            InvocationMdc::triggeringEventId);
    InvocationMdc.begin("req-7", "keyturn-rotate", "3");

    log.record(AuditEvent.of(AT, "keyturn-rotate", "rotation.createSecret", "RQ_ONLY", "ok"));

    assertThat(only("RQ_ONLY").detail()).containsEntry(AttributedAuditLog.EVENT_ID, "req-7");
  }

  @Test
  void record_whenStsCannotAnswer_keepsTheEventWithItsGivenActorAndSaysWhy() {
    CallerIdentityReader down =
        () -> {
          throw new CallerUnknownException("ExpiredToken", null);
        };
    AuditLog log = new AttributedAuditLog(table, down, () -> null);

    log.record(AuditEvent.of(AT, "keyturn-webhook", "webhook.rejected", "src-down", "BAD_SIG"));

    AuditEvent stored = only("src-down");
    assertThat(stored.actor()).isEqualTo("keyturn-webhook");
    assertThat(stored.detail())
        .containsEntry(AttributedAuditLog.IDENTITY, "unresolved:ExpiredToken");
  }

  @Test
  void rememberedIdentity_asksStsOnce() {
    AtomicInteger asked = new AtomicInteger();
    StsCallerIdentityReader sts = new StsCallerIdentityReader(StsClient.create());
    CallerIdentityReader counting =
        () -> {
          asked.incrementAndGet();
          return sts.current();
        };
    RememberedCallerIdentity remembered = new RememberedCallerIdentity(counting);

    remembered.current();
    remembered.current();

    assertThat(asked).hasValue(1);
    assertThat(remembered.current().arn()).isEqualTo(principal);
  }

  private static AuditEvent only(String subject) {
    List<AuditEvent> events = table.since(AT.minusSeconds(1), subject, 10);
    assertThat(events).hasSize(1);
    return events.getFirst();
  }
}
