package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.RotationRecord.StepUpdate;
import dev.keyturn.state.SyncStateStore.VarState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state fakes' helpers: seeding and inspecting what the ports cannot show. */
class FakeStateStoresTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void inventory_addAndReplace_storeEntriesAsApplyingAFileWould() {
    FakeInventoryStore store = FakeInventoryStore.of(InventoryStoreContractTest.FIRST);
    SecretEntry one = store.secret("RX_ONE").orElseThrow();

    store.replace("version: 1\nsecrets: []\n");
    store.add(one).add(new WebhookEntry("acme", "github", "RX_ONE", null, Map.of()));

    assertThat(store.secrets()).containsExactly(one);
    assertThat(store.secretBySourceId("keyturn/one")).contains(one);
    assertThat(store.webhooks()).extracting(WebhookEntry::source).containsExactly("acme");
    assertThat(store.calls("secrets")).isEqualTo(1);
  }

  @Test
  void inventory_failAlways_makesEveryReadFail_untilHealed() {
    FakeInventoryStore store = FakeInventoryStore.of(InventoryStoreContractTest.FIRST);
    store.failAlways(FakePort.ANY);

    assertThatThrownBy(store::webhooks).isInstanceOf(InjectedFault.class);
    assertThatThrownBy(() -> store.secret("RX_ONE")).isInstanceOf(InjectedFault.class);
    store.heal();
    assertThat(store.webhooks()).hasSize(2);
    assertThat(store.calls("webhooks")).isEqualTo(1);
  }

  @Test
  void leases_showWhetherALeaseIsStored() {
    FakeLeaseStore leases = new FakeLeaseStore();
    var lease = leases.acquire("heroku#a", "me", Duration.ofMinutes(1), NOW).orElseThrow();

    assertThat(leases.leased("heroku#a")).isTrue();
    assertThat(leases.lease("heroku#a")).contains(lease);
    leases.release(lease);
    assertThat(leases.leased("heroku#a")).isFalse();
  }

  @Test
  void replayGuard_keepsTheTtlsAskedFor_andCountsRecordedKeys() {
    FakeReplayGuard guard = new FakeReplayGuard();
    guard.firstSeen("gh", "a", NOW, Duration.ofMinutes(5));
    guard.firstSeen("gh", "a", NOW, Duration.ofMinutes(5));
    guard.firstSeen("gh", "b", NOW, Duration.ofHours(1));

    assertThat(guard.ttls())
        .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1));
    assertThat(guard.claimed()).isEqualTo(2);
    guard.release("gh", "a");
    assertThat(guard.claimed()).isEqualTo(1);
  }

  @Test
  void syncState_keepsEveryConfirmationThatFoundItsRelease() {
    FakeSyncStateStore state = new FakeSyncStateStore();
    state.recordPublished(
        "web", List.of(new VarState("web", "A", "RX_A", "v1", "rel-1", 1, NOW, null)));

    state.confirmRelease("web", "rel-1", NOW);
    state.confirmRelease("web", "rel-1", NOW.plusSeconds(1));
    state.confirmRelease("web", "rel-9", NOW);

    assertThat(state.confirmations())
        .containsExactly(
            new FakeSyncStateStore.Confirmation("web", "rel-1", NOW),
            new FakeSyncStateStore.Confirmation("web", "rel-1", NOW.plusSeconds(1)));
  }

  @Test
  void rotations_listEveryRun() {
    FakeRotationStore rotations = new FakeRotationStore();
    rotations.recordStep(new StepUpdate("RX_A", "t1", "createSecret", "ok", NOW, null));
    rotations.recordStep(new StepUpdate("RX_B", "t2", "createSecret", "failed", NOW, "X"));

    assertThat(rotations.runs()).containsOnlyKeys("RX_A#t1", "RX_B#t2");
  }

  @Test
  void events_keepTheOrderPublished_andPrintNoDetail() {
    FakeEventPublisher events = new FakeEventPublisher();
    events.publish("keyturn.rotate", "SecretRotated", "{\"secretName\":\"RX_A\"}");
    events.publish("keyturn.rotate", "SecretExpiring", "{}");

    assertThat(events.published())
        .extracting(FakeEventPublisher.Published::detailType)
        .containsExactly("SecretRotated", "SecretExpiring");
    assertThat(events.ofType("SecretExpiring")).hasSize(1);
    assertThat(events.published().getFirst().toString()).doesNotContain("RX_A");
  }
}
