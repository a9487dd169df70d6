package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.SenderPush;
import dev.keyturn.state.SenderPushStore;
import dev.keyturn.state.dynamodb.DynamoSenderPushStore;
import dev.keyturn.testing.aws.WithLocalAws;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeSenderPushStore} and {@link DynamoSenderPushStore} held to one contract. */
@WithLocalAws
class SenderPushStoreContractTest {

  abstract static class Contract {

    final SenderPushStore store;
    final String source = StateTables.unique("rx-hook");

    Contract(SenderPushStore store) {
      this.store = store;
    }

    SenderPush push(String version, int secondsLater) {
      return new SenderPush(
          source, "RX_HOOK", version, "heroku:app/id", NOW.plusSeconds(secondsLater));
    }

    @Test
    void push_isFoundBySourceAndVersion_once_recorded() {
      assertThat(store.push(source, "v1")).isEmpty();

      store.recordPush(push("v1", 0));

      assertThat(store.push(source, "v1")).contains(push("v1", 0));
      assertThat(store.push(source, "v2")).isEmpty();
      assertThat(store.push(source + "-other", "v1")).isEmpty();
    }

    @Test
    void recordPush_again_keepsTheFirstRecord() {
      store.recordPush(push("v1", 0));
      store.recordPush(push("v1", 30));

      assertThat(store.push(source, "v1").orElseThrow().pushedAt()).isEqualTo(NOW);
      assertThat(store.pushes(source)).hasSize(1);
    }

    @Test
    void pushes_listsTheSourcesPushes_newestFirst() {
      store.recordPush(push("v1", 0));
      store.recordPush(push("v3", 120));
      store.recordPush(push("v2", 60));

      assertThat(store.pushes(source))
          .extracting(SenderPush::versionId)
          .containsExactly("v3", "v2", "v1");
      assertThat(store.pushes(source + "-other")).isEmpty();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeSenderPushStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoSenderPushStore(StateTables.of(dynamoDb)));
    }
  }
}
