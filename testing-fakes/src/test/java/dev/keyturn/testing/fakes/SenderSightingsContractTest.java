package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.state.dynamodb.DynamoSenderSightings;
import dev.keyturn.testing.aws.WithLocalAws;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeSenderSightings} and {@link DynamoSenderSightings} held to one contract. */
@WithLocalAws
class SenderSightingsContractTest {

  abstract static class Contract {

    final SenderSightings sightings;
    final String source = StateTables.unique("rx-seen");

    Contract(SenderSightings sightings) {
      this.sightings = sightings;
    }

    @Test
    void last_isEmpty_forASenderNeverSeen() {
      sightings.record(source + "-other", "v1", NOW);

      assertThat(sightings.last(source)).isEmpty();
    }

    @Test
    void last_isTheLatestSighting_whateverOrderTheyAreRecordedIn() {
      sightings.record(source, "v1", NOW);
      sightings.record(source, "v2", NOW.plusSeconds(60));
      sightings.record(source, "v1", NOW.plusSeconds(30)); // verified late

      assertThat(sightings.last(source))
          .contains(new SenderSighting(source, "v2", NOW.plusSeconds(60)));
    }

    @Test
    void last_goesBackToAnOlderVersion_whenTheSenderSignsWithItLater() {
      sightings.record(source, "v2", NOW);
      sightings.record(source, "v1", NOW.plusSeconds(5));

      assertThat(sightings.last(source))
          .contains(new SenderSighting(source, "v1", NOW.plusSeconds(5)));
    }

    @Test
    void record_again_isHarmless() {
      sightings.record(source, "v2", NOW);
      sightings.record(source, "v2", NOW);

      assertThat(sightings.last(source)).contains(new SenderSighting(source, "v2", NOW));
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeSenderSightings());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoSenderSightings(StateTables.of(dynamoDb)));
    }
  }
}
