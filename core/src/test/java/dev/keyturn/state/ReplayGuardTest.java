package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.ReplayGuard.Claim;
import dev.keyturn.state.dynamodb.DynamoReplayGuard;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The replay guard's claim life cycle against DynamoDB Local. */
@WithLocalAws
class ReplayGuardTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration PENDING = Duration.ofSeconds(10);
  static final Duration TTL = Duration.ofMinutes(10);

  StateTable table;
  DynamoReplayGuard guard;

  @BeforeEach
  void stores(DynamoDbClient dynamoDb) {
    table = new StateTable(dynamoDb, LocalAwsExtension.TABLE);
    guard = new DynamoReplayGuard(table);
  }

  private Claim claim(String key, String claimant, Instant at) {
    return guard.claim("github", key, claimant, at, at.plus(PENDING));
  }

  @Test
  void firstClaim_isClaimed_andAnotherRequestsClaimWhilePending_isPendingUntilItsEnd() {
    assertThat(claim("id:p-1", "req-a", NOW)).isInstanceOf(Claim.Claimed.class);

    assertThat(claim("id:p-1", "req-b", NOW.plusSeconds(2)))
        .isEqualTo(new Claim.Pending(NOW.plus(PENDING)));
  }

  @Test
  void claimOfADoneKey_isDone_untilItsTtlRunsOut() {
    claim("id:d-1", "req-a", NOW);
    assertThat(guard.complete("github", "id:d-1", "req-a", NOW.plusSeconds(1), TTL)).isTrue();

    assertThat(claim("id:d-1", "req-b", NOW.plusSeconds(60))).isInstanceOf(Claim.Done.class);
    assertThat(claim("id:d-1", "req-c", NOW.plus(TTL).plusSeconds(2)))
        .isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void repeatedClaimByTheSameClaimant_whilePending_isItsOwn_notADuplicate() {
    claim("id:r-1", "req-a", NOW);

    assertThat(claim("id:r-1", "req-a", NOW)).isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void repeatedClaimByTheSameClaimant_afterDone_isDone() {
    claim("id:r-2", "req-a", NOW);
    guard.complete("github", "id:r-2", "req-a", NOW, TTL);

    assertThat(claim("id:r-2", "req-a", NOW.plusSeconds(1))).isInstanceOf(Claim.Done.class);
  }

  @Test
  void expiredPendingClaim_isFreeForTheNextRequest_andTheFirstCanNeitherCompleteNorRelease() {
    claim("id:e-1", "req-a", NOW);

    assertThat(claim("id:e-1", "req-b", NOW.plus(PENDING).plusSeconds(2)))
        .isInstanceOf(Claim.Claimed.class);
    assertThat(guard.release("github", "id:e-1", "req-a")).isFalse();
    assertThat(guard.complete("github", "id:e-1", "req-a", NOW.plusSeconds(13), TTL)).isFalse();
    assertThat(claim("id:e-1", "req-c", NOW.plusSeconds(13))).isInstanceOf(Claim.Pending.class);
  }

  @Test
  void releasedClaim_isClaimableAgain_andReleasingTwice_isANoOp() {
    claim("id:l-1", "req-a", NOW);

    assertThat(guard.release("github", "id:l-1", "req-a")).isTrue();
    assertThat(guard.release("github", "id:l-1", "req-a")).isTrue();
    assertThat(claim("id:l-1", "req-b", NOW.plusSeconds(1))).isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void release_ofAnotherRequestsClaim_orOfADoneOne_leavesItAlone() {
    claim("id:l-2", "req-a", NOW);
    assertThat(guard.release("github", "id:l-2", "req-b")).isFalse();
    guard.complete("github", "id:l-2", "req-a", NOW, TTL);
    assertThat(guard.release("github", "id:l-2", "req-a")).isFalse();

    assertThat(claim("id:l-2", "req-c", NOW.plusSeconds(1))).isInstanceOf(Claim.Done.class);
  }

  @Test
  void keys_areSeparatePerSource() {
    claim("id:s-1", "req-a", NOW);

    assertThat(guard.claim("stripe", "id:s-1", "req-b", NOW, NOW.plus(PENDING)))
        .isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void itemWrittenBeforeClaimsHadAState_countsAsDone() {
    table
        .client()
        .putItem(b ->
            b.tableName(table.name())
                .item(
                    java.util.Map.of(
                        "pk", AttributeValue.fromS("WEBHOOK#github"),
                        "sk", AttributeValue.fromS("MSG#id:old-1"),
                        "seenAt", AttributeValue.fromS(NOW.toString()),
                        "expiresAt",
                            AttributeValue.fromN(Long.toString(NOW.getEpochSecond() + 600)))));

    assertThat(claim("id:old-1", "req-a", NOW.plusSeconds(1))).isInstanceOf(Claim.Done.class);
  }
}
