package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.dynamodb.DynamoReplayGuard;
import dev.keyturn.state.dynamodb.DynamoReplayRelease;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithLocalAws
class ReplayReleaseTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration TTL = Duration.ofMinutes(10);

  DynamoReplayGuard guard;
  DynamoReplayRelease release;

  @BeforeEach
  void stores(DynamoDbClient dynamoDb) {
    StateTable table = new StateTable(dynamoDb, LocalAwsExtension.TABLE);
    guard = new DynamoReplayGuard(table);
    release = new DynamoReplayRelease(table);
  }

  @Test
  void releasedKey_isSeenAsNewAgain() {
    assertThat(guard.firstSeen("github", "id:d-1", NOW, TTL)).isTrue();

    release.release("github", "id:d-1");

    assertThat(guard.firstSeen("github", "id:d-1", NOW.plusSeconds(1), TTL)).isTrue();
    assertThat(guard.firstSeen("github", "id:d-1", NOW.plusSeconds(2), TTL)).isFalse();
  }

  @Test
  void release_forgetsOnlyThatSourcesKey() {
    guard.firstSeen("github", "id:d-2", NOW, TTL);
    guard.firstSeen("stripe", "id:d-2", NOW, TTL);

    release.release("github", "id:d-2");

    assertThat(guard.firstSeen("stripe", "id:d-2", NOW.plusSeconds(1), TTL)).isFalse();
  }

  @Test
  void releasingAnUnknownKey_isANoOp() {
    release.release("github", "id:never-seen");

    assertThat(guard.firstSeen("github", "id:never-seen", NOW, TTL)).isTrue();
  }
}
