package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.local.LocalAws;
import dev.keyturn.state.dynamodb.DynamoLeaseStore;
import dev.keyturn.state.dynamodb.DynamoSyncStateStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.faults.LateAnswerProxy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Conditional writes whose first attempt DynamoDB applied but whose answer came after the client's
 * attempt timeout: the SDK's retry finds the condition false because of its own write, and the
 * store must read that as success, not as someone else's.
 */
@WithLocalAws
class ConditionalWriteRetryTest {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static LateAnswerProxy proxy;
  static DynamoDbClient client;
  static StateTable table;

  @BeforeAll
  static void start(LocalAws aws) {
    proxy = LateAnswerProxy.start(aws.dynamoDbEndpoint());
    client = proxy.route(DynamoDbClient.builder()).build();
    table = new StateTable(client, LocalAwsExtension.TABLE);
  }

  @AfterAll
  static void stop() {
    client.close();
    proxy.close();
  }

  @Test
  void leaseAcquire_holdsTheLease_whenItsPutWasAppliedButAnsweredTooLate() {
    DynamoLeaseStore leases = new DynamoLeaseStore(table);
    proxy.answerLateOnce("UpdateItem");

    var lease = leases.acquire("heroku#late", "sync/owner-1", Duration.ofSeconds(30), NOW);

    assertThat(proxy.forwarded("UpdateItem")).as("the SDK retried").isGreaterThan(1);
    assertThat(lease).isPresent();
    assertThat(lease.get().until()).isEqualTo(NOW.plusSeconds(30));
    assertThat(leases.acquire("heroku#late", "sync/owner-2", Duration.ofSeconds(30), NOW))
        .as("someone else is still refused")
        .isEmpty();
    leases.release(lease.get());
    assertThat(leases.acquire("heroku#late", "sync/owner-2", Duration.ofSeconds(30), NOW))
        .isPresent();
  }

  @Test
  void leaseRenew_succeeds_whenItsUpdateWasAppliedButAnsweredTooLate() {
    DynamoLeaseStore leases = new DynamoLeaseStore(table);
    var lease =
        leases.acquire("heroku#late-renew", "sync/owner-1", Duration.ofSeconds(30), NOW).get();
    proxy.answerLateOnce("UpdateItem");

    var renewed = leases.renew(lease, Duration.ofSeconds(30), NOW.plusSeconds(10));

    assertThat(renewed).isPresent();
    assertThat(renewed.get().version()).isEqualTo(lease.version());
    leases.release(renewed.get());
  }

  @Test
  void confirmRelease_isAFirstReport_whenItsUpdateWasAppliedButAnsweredTooLate() {
    DynamoSyncStateStore sync = new DynamoSyncStateStore(table);
    sync.recordPublished(
        "late-app",
        List.of(new SyncStateStore.VarState("late-app", "A", "CF_A", "v1", "rel-1", 7, NOW, null)));
    proxy.answerLateOnce("UpdateItem");

    var first = sync.confirmRelease("late-app", "rel-1", NOW.plusSeconds(5));
    var repeat = sync.confirmRelease("late-app", "rel-1", NOW.plusSeconds(9));

    assertThat(proxy.forwarded("UpdateItem")).as("the SDK retried").isGreaterThan(1);
    assertThat(first).isEqualTo(SyncStateStore.ReleaseConfirmation.CONFIRMED);
    assertThat(repeat).isEqualTo(SyncStateStore.ReleaseConfirmation.ALREADY_CONFIRMED);
    assertThat(sync.vars("late-app").get("A").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void retireTask_recordAndClose_holdWhenAppliedButAnsweredTooLate() {
    var tasks = new dev.keyturn.state.dynamodb.DynamoRetireTaskStore(table);
    RetireTask task =
        new RetireTask(
            "ALP_LATE_TRADING", "Alpaca", "dash", "v1", "v2", NOW, NOW.plusSeconds(60), null, null);
    proxy.answerLateOnce("PutItem");
    tasks.record(task);
    proxy.answerLateOnce("UpdateItem");

    var closed = tasks.close("ALP_LATE_TRADING", NOW.plusSeconds(5), "keyturn-cli:ops");

    assertThat(proxy.forwarded("UpdateItem")).as("the SDK retried").isGreaterThan(1);
    assertThat(closed).extracting(RetireTask::newVersion).containsExactly("v2");
    assertThat(tasks.open("ALP_LATE_TRADING")).isEmpty();
  }
}
