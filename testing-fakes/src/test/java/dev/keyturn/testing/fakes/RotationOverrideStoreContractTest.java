package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.RotationOverrideStore;
import dev.keyturn.state.dynamodb.DynamoRotationOverrideStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link FakeRotationOverrideStore} and {@link DynamoRotationOverrideStore} held to one contract.
 */
@WithLocalAws
class RotationOverrideStoreContractTest {

  abstract static class Contract {

    final RotationOverrideStore overrides;
    final String name = StateTables.unique("FS_HOOK");
    final RotationOverride granted =
        new RotationOverride(
            name, "arn:aws:sts::123456789012:assumed-role/ops/alice", NOW, NOW.plusSeconds(600));

    Contract(RotationOverrideStore overrides) {
      this.overrides = overrides;
    }

    @Test
    void take_isEmpty_whenNoneWasGranted() {
      overrides.grant(new RotationOverride(name + "-other", "someone", NOW, NOW.plusSeconds(600)));

      assertThat(overrides.take(name, "t1", NOW)).isEmpty();
    }

    @Test
    void take_answersTheGrant_onceForOneRotation_andAgainForItsRetriedStep() {
      overrides.grant(granted);

      assertThat(overrides.take(name, "t1", NOW.plusSeconds(1))).contains(granted);
      assertThat(overrides.take(name, "t1", NOW.plusSeconds(2)))
          .as("the same rotation's retried createSecret")
          .contains(granted);
      assertThat(overrides.take(name, "t2", NOW.plusSeconds(3)))
          .as("one shot: the next rotation is not forced")
          .isEmpty();
    }

    @Test
    void take_isEmpty_onceTheGrantLapsed() {
      overrides.grant(granted);

      assertThat(overrides.take(name, "t1", granted.notAfter())).isEmpty();
    }

    @Test
    void grant_again_replacesAnUsedOne() {
      overrides.grant(granted);
      overrides.take(name, "t1", NOW);
      RotationOverride again =
          new RotationOverride(name, "bob", NOW.plusSeconds(5), NOW.plus(Duration.ofMinutes(20)));

      overrides.grant(again);

      assertThat(overrides.take(name, "t2", NOW.plusSeconds(6))).contains(again);
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeRotationOverrideStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoRotationOverrideStore(StateTables.of(dynamoDb)));
    }
  }
}
