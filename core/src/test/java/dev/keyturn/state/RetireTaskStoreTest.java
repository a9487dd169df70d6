package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.dynamodb.DynamoRetireTaskStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithLocalAws
class RetireTaskStoreTest {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  DynamoRetireTaskStore tasks;

  @BeforeEach
  void table(DynamoDbClient dynamoDb, dev.keyturn.local.LocalAws aws) {
    aws.recreateTable(LocalAwsExtension.TABLE);
    tasks = new DynamoRetireTaskStore(new StateTable(dynamoDb, LocalAwsExtension.TABLE));
  }

  static RetireTask task(String name, String version, Instant created) {
    return new RetireTask(
        name,
        "Alpaca",
        "https://app.alpaca.markets (Account > API)",
        "v-old-" + version,
        version,
        created,
        created.plus(Duration.ofDays(7)),
        null,
        null);
  }

  @Test
  void record_keepsTheFirst_andOpenListsEveryOpenTaskOldestFirst() {
    tasks.record(task("ALP_LIVE_TRADING", "v2", NOW.plusSeconds(5)));
    tasks.record(task("ALP_LIVE", "v9", NOW));
    tasks.record(task("ALP_LIVE_TRADING", "v2", NOW.plusSeconds(60))); // a repeat

    assertThat(tasks.open())
        .extracting(RetireTask::secretName, RetireTask::newVersion, RetireTask::createdAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ALP_LIVE", "v9", NOW),
            org.assertj.core.groups.Tuple.tuple("ALP_LIVE_TRADING", "v2", NOW.plusSeconds(5)));
    // a name that is a prefix of another is its own entry
    assertThat(tasks.open("ALP_LIVE")).extracting(RetireTask::newVersion).containsExactly("v9");
  }

  @Test
  void close_closesEveryOpenTaskOfTheEntry_once() {
    tasks.record(task("ALP_LIVE_TRADING", "v2", NOW));
    tasks.record(task("ALP_LIVE_TRADING", "v3", NOW.plusSeconds(1)));
    tasks.record(task("PM_SERVER_MAIL", "v7", NOW));

    var closed = tasks.close("ALP_LIVE_TRADING", NOW.plusSeconds(10), "keyturn-cli:ops");
    var again = tasks.close("ALP_LIVE_TRADING", NOW.plusSeconds(20), "keyturn-cli:ops");

    assertThat(closed)
        .extracting(RetireTask::newVersion, RetireTask::closedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("v2", "keyturn-cli:ops"),
            org.assertj.core.groups.Tuple.tuple("v3", "keyturn-cli:ops"));
    assertThat(again).isEmpty();
    assertThat(tasks.open()).extracting(RetireTask::secretName).containsExactly("PM_SERVER_MAIL");
  }

  @Test
  void task_describesItselfInOneLine_andIsOverdueFromItsDate() {
    RetireTask t = task("ALP_LIVE_TRADING", "v2", Instant.parse("2026-05-25T10:00:00Z"));

    assertThat(t.describe())
        .isEqualTo(
            "revoke the old Alpaca key at https://app.alpaca.markets (Account > API) by"
                + " 2026-06-01");
    assertThat(t.overdue(Instant.parse("2026-06-01T09:59:59Z"))).isFalse();
    assertThat(t.overdue(Instant.parse("2026-06-01T10:00:00Z"))).isTrue();
    assertThat(t.closed(Instant.parse("2026-06-02T00:00:00Z"), "x").overdue(Instant.MAX)).isFalse();
  }
}
