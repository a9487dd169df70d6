package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoLeaseStore;
import dev.keyturn.state.dynamodb.DynamoReplayGuard;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.state.dynamodb.DynamoSyncStateStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithLocalAws
class StateStoresTest {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  StateTable table;

  @BeforeEach
  void table(DynamoDbClient dynamoDb) {
    table = new StateTable(dynamoDb, LocalAwsExtension.TABLE);
  }

  @Test
  void lease_isExclusiveUntilReleasedOrExpired() {
    DynamoLeaseStore leases = new DynamoLeaseStore(table);

    var first = leases.acquire("heroku#web", "a", Duration.ofSeconds(30), NOW);
    var second = leases.acquire("heroku#web", "b", Duration.ofSeconds(30), NOW.plusSeconds(1));
    var afterExpiry =
        leases.acquire("heroku#web", "c", Duration.ofSeconds(30), NOW.plusSeconds(31));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(afterExpiry).isPresent();
    leases.release(first.orElseThrow()); // taken over by c: must not release c's lease
    assertThat(leases.acquire("heroku#web", "d", Duration.ofSeconds(30), NOW.plusSeconds(32)))
        .isEmpty();
    leases.release(afterExpiry.orElseThrow());
    assertThat(leases.acquire("heroku#web", "e", Duration.ofSeconds(30), NOW.plusSeconds(33)))
        .isPresent();
  }

  @Test
  void replayGuard_seesAKeyOnceWithinItsTtl() {
    DynamoReplayGuard guard = new DynamoReplayGuard(table);

    assertThat(guard.firstSeen("stripe", "sha256:ab", NOW, Duration.ofMinutes(10))).isTrue();
    assertThat(guard.firstSeen("stripe", "sha256:ab", NOW.plusSeconds(60), Duration.ofMinutes(10)))
        .isFalse();
    assertThat(guard.firstSeen("github", "sha256:ab", NOW, Duration.ofMinutes(10))).isTrue();
    assertThat(guard.firstSeen("stripe", "sha256:ab", NOW.plusSeconds(601), Duration.ofMinutes(10)))
        .isTrue();
  }

  @Test
  void rotationStore_tracksStepsAndLastRotation() {
    DynamoRotationStore rotations = new DynamoRotationStore(table);

    rotations.recordStep(
        new RotationRecord.StepUpdate("CF_X", "tok", "createSecret", "ok", NOW, null));
    rotations.recordStep(
        new RotationRecord.StepUpdate(
            "CF_X", "tok", "setSecret", "failed", NOW.plusSeconds(1), "VendorException"));
    rotations.recordStep(
        new RotationRecord.StepUpdate("CF_X", "tok", "setSecret", "ok", NOW.plusSeconds(2), null));
    rotations.recordRotated("CF_X", "tok", "tok", NOW.plusSeconds(3));

    RotationRecord r = rotations.rotation("CF_X", "tok").orElseThrow();
    assertThat(r.step()).isEqualTo("setSecret");
    assertThat(r.status()).isEqualTo("ok");
    assertThat(r.startedAt()).isEqualTo(NOW);
    assertThat(r.error()).isNull();
    assertThat(r.stepTimes()).containsOnlyKeys("createSecret", "setSecret");
    assertThat(rotations.lastRotated("CF_X")).hasValue(NOW.plusSeconds(3));
    assertThat(rotations.lastRotated("CF_Y")).isEmpty();
  }

  @Test
  void syncState_recordsVarsAndConfirmsTheirRelease() {
    DynamoSyncStateStore sync = new DynamoSyncStateStore(table);
    sync.recordPublished(
        "web",
        List.of(
            new SyncStateStore.VarState("web", "A", "CF_A", "v1", "rel-1", 7, NOW, null),
            new SyncStateStore.VarState("web", "B", "CF_B", "v2", "rel-0", 6, NOW, null)));

    SyncStateStore.ReleaseConfirmation first =
        sync.confirmRelease("web", "rel-1", NOW.plusSeconds(5));
    SyncStateStore.ReleaseConfirmation again =
        sync.confirmRelease("web", "rel-1", NOW.plusSeconds(9));

    Map<String, SyncStateStore.VarState> vars = sync.vars("web");
    assertThat(first).isEqualTo(SyncStateStore.ReleaseConfirmation.CONFIRMED);
    assertThat(again).isEqualTo(SyncStateStore.ReleaseConfirmation.ALREADY_CONFIRMED);
    assertThat(vars.get("A").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(vars.get("B").confirmedAt()).isNull();
    assertThat(sync.confirmRelease("web", "rel-unknown", NOW))
        .isEqualTo(SyncStateStore.ReleaseConfirmation.UNKNOWN);
  }

  @Test
  void syncState_releasePendingVars_areConfirmedByTheFirstReleaseReportedAfterThem() {
    DynamoSyncStateStore sync = new DynamoSyncStateStore(table);
    sync.recordPublished(
        "web2",
        List.of(
            new SyncStateStore.VarState("web2", "A", "CF_A", "v1", null, null, NOW, null),
            new SyncStateStore.VarState(
                "web2", "LATER", "CF_B", "v2", null, null, NOW.plusSeconds(60), null)));

    SyncStateStore.ReleaseConfirmation first =
        sync.confirmRelease("web2", "rel-9", NOW.plusSeconds(5));
    SyncStateStore.ReleaseConfirmation again =
        sync.confirmRelease("web2", "rel-9", NOW.plusSeconds(6));

    Map<String, SyncStateStore.VarState> vars = sync.vars("web2");
    assertThat(first).isEqualTo(SyncStateStore.ReleaseConfirmation.CONFIRMED);
    assertThat(again).isEqualTo(SyncStateStore.ReleaseConfirmation.ALREADY_CONFIRMED);
    assertThat(vars.get("A").releaseId()).isEqualTo("rel-9");
    assertThat(vars.get("A").confirmedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(vars.get("LATER").releasePending())
        .as("published after the release was reported: not in it")
        .isTrue();
  }

  @Test
  void syncState_keepsEachKindOfTargetInItsOwnPartition_withDigestAndBaseline() {
    DynamoSyncStateStore sync = new DynamoSyncStateStore(table);
    String github = "github:raxx/raptor@production";
    sync.recordPublished(
        github,
        List.of(
            new SyncStateStore.VarState(
                github,
                "TOKEN",
                "GH_X",
                "v1",
                null,
                null,
                NOW,
                null,
                "hmac-abc",
                NOW.plusSeconds(1))));
    sync.recordPublished(
        "raptor",
        List.of(new SyncStateStore.VarState("raptor", "TOKEN", "GH_Y", "v7", "r", 2, NOW, null)));

    assertThat(sync.vars(github).get("TOKEN").digest()).isEqualTo("hmac-abc");
    assertThat(sync.vars(github).get("TOKEN").remoteUpdatedAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(sync.vars(github).get("TOKEN").releasePending()).isFalse();
    assertThat(sync.vars("raptor").get("TOKEN").secretName()).isEqualTo("GH_Y");
    assertThat(
            table
                .client()
                .getItem(b ->
                    b.tableName(table.name())
                        .key(
                            Map.of(
                                "pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "SINK#github#raxx/raptor@production"),
                                "sk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "VAR#TOKEN"))))
                .hasItem())
        .isTrue();
    sync.forget(github, List.of("TOKEN"));
    assertThat(sync.vars(github)).isEmpty();
  }

  @Test
  void auditLog_readsBackSinceAnInstant_filteredBySubject() {
    DynamoAuditLog audit = new DynamoAuditLog(table);
    audit.record(
        AuditEvent.of(NOW, "rotate", "rotation.finishSecret", "CF_A", "ok")
            .withVersions(List.of("v2")));
    audit.record(
        AuditEvent.of(NOW.plusMillis(5), "sync", "sync.patch", "web", "ok")
            .withDetail(Map.of("keys", "A")));

    assertThat(audit.since(NOW.minusSeconds(1), null, 10))
        .extracting(AuditEvent::action)
        .containsExactly("rotation.finishSecret", "sync.patch");
    assertThat(audit.since(NOW.minusSeconds(1), "web", 10))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("keys", "A"));
    assertThat(audit.since(NOW.plusSeconds(1), null, 10)).isEmpty();
  }

  @Test
  void auditLog_ordersAndFiltersWithinASecond_whateverTheFractionOfEachInstant() {
    DynamoAuditLog audit = new DynamoAuditLog(table);
    Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
    audit.record(AuditEvent.of(second.plusMillis(500), "sync", "late", "X", "ok"));
    audit.record(AuditEvent.of(second, "rotate", "whole", "X", "ok"));
    audit.record(AuditEvent.of(second.plusNanos(1_500), "rotate", "micro", "X", "ok"));

    assertThat(audit.since(second, "X", 10))
        .extracting(AuditEvent::action)
        .containsExactly("whole", "micro", "late");
    assertThat(audit.since(second.plusMillis(250), "X", 10))
        .extracting(AuditEvent::action)
        .containsExactly("late");
  }
}
