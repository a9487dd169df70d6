package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import dev.keyturn.state.dynamodb.DynamoRetireTaskStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeRetireTaskStore} and {@link DynamoRetireTaskStore} held to one contract. */
@WithLocalAws
class RetireTaskStoreContractTest {

  abstract static class Contract {

    final RetireTaskStore store;
    final String secret = StateTables.unique("ALP_LIVE");
    final String longer = secret + "_TRADING";

    Contract(RetireTaskStore store) {
      this.store = store;
    }

    static RetireTask task(String name, String version, Instant created) {
      return new RetireTask(
          name,
          "Alpaca",
          "https://app.alpaca.markets",
          "old-" + version,
          version,
          created,
          created.plus(Duration.ofDays(7)),
          null,
          null);
    }

    @Test
    void record_keepsTheFirst_andOpenListsTheEntrysTasksOldestFirst() {
      store.record(task(secret, "v3", NOW.plusSeconds(5)));
      store.record(task(secret, "v2", NOW));
      store.record(task(secret, "v3", NOW.plusSeconds(60))); // a repeat
      store.record(task(longer, "v9", NOW.plusSeconds(1)));

      assertThat(store.open(secret))
          .extracting(RetireTask::newVersion, RetireTask::createdAt)
          .containsExactly(tuple("v2", NOW), tuple("v3", NOW.plusSeconds(5)));
      assertThat(store.open(longer))
          .as("a name that begins another is its own entry")
          .extracting(RetireTask::newVersion)
          .containsExactly("v9");
      assertThat(store.open())
          .filteredOn(t -> t.secretName().startsWith(secret))
          .extracting(RetireTask::secretName, RetireTask::newVersion)
          .containsExactly(tuple(secret, "v2"), tuple(longer, "v9"), tuple(secret, "v3"));
    }

    @Test
    void close_closesEveryOpenTaskOfTheEntryOnce_andLeavesOthersOpen() {
      store.record(task(secret, "v2", NOW));
      store.record(task(secret, "v3", NOW.plusSeconds(1)));
      store.record(task(longer, "v9", NOW));

      var closed = store.close(secret, NOW.plusSeconds(10), "keyturn-cli:ops");
      var again = store.close(secret, NOW.plusSeconds(20), "keyturn-cli:other");

      assertThat(closed)
          .extracting(RetireTask::newVersion, RetireTask::closedAt, RetireTask::closedBy)
          .containsExactly(
              tuple("v2", NOW.plusSeconds(10), "keyturn-cli:ops"),
              tuple("v3", NOW.plusSeconds(10), "keyturn-cli:ops"));
      assertThat(again).isEmpty();
      assertThat(store.open(secret)).isEmpty();
      assertThat(store.open(longer)).hasSize(1);
    }

    @Test
    void close_ofAnEntryWithoutTasks_closesNothing() {
      assertThat(store.close(secret, NOW, "keyturn-cli:ops")).isEmpty();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeRetireTaskStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoRetireTaskStore(StateTables.of(dynamoDb)));
    }
  }
}
