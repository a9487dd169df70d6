package dev.keyturn.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.fakes.InMemoryHeroku;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A slow syncer (a paused Lambda, a laptop) whose lease ran out while it held values it had read:
 * when a second syncer took the lease and published newer values meanwhile, the slow one's fenced
 * PATCH is refused and it writes nothing. Leases and state are testing-fakes' fakes.
 */
class SyncFencingTest {

  private static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - heroku: {app: alpha, var: ONE}
      """;
  private static final String OLD = "old-value-000000000001";
  private static final String NEW = "new-value-000000000002";

  private final InMemoryInventory inventory = new InMemoryInventory(INVENTORY);
  private final InMemorySecrets secrets = new InMemorySecrets();
  private final InMemoryHeroku heroku = new InMemoryHeroku();
  private final InMemoryState state = new InMemoryState();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final SyncService second =
      Services.sync(inventory, secrets, state, clock, Metrics.NONE, heroku);

  SyncFencingTest() {
    secrets.put("keyturn/one", OLD);
  }

  /** The slow syncer: right after its read, it "pauses" while {@code meanwhile} happens. */
  private SyncService slow(Runnable meanwhile) {
    SecretSource pausing =
        new SecretSource() {
          @Override
          public Map<Source, SecretValue> current(Collection<Source> sources) {
            Map<Source, SecretValue> read = secrets.current(sources);
            meanwhile.run();
            return read;
          }

          @Override
          public List<SecretValue> liveVersions(Source source) {
            return secrets.liveVersions(source);
          }
        };
    return Services.sync(inventory, pausing, state, clock, Metrics.NONE, heroku);
  }

  @Test
  void aSlowSyncer_whoseExpiredLeaseASecondSyncerTook_neverPatchesItsStaleValues() {
    SyncService slow =
        slow(() -> {
          secrets.put("keyturn/one", NEW); // rotated while the slow syncer is paused
          clock.advance(Duration.ofMinutes(4)); // past the 3-minute lease
          SyncReport newer = second.sync(all());
          assertThat(newer.apps().getFirst().outcome()).isEqualTo(Outcome.PATCHED);
        });

    SyncReport report = slow.sync(all());

    AppResult alpha = report.apps().getFirst();
    assertThat(alpha.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(alpha.reason()).isEqualTo("lease_lost");
    assertThat(heroku.patchedApps).as("only the second syncer's PATCH").containsExactly("alpha");
    assertThat(heroku.vars("alpha").get("ONE").equals(NEW)).isTrue();
    assertThat(state.vars("alpha").get("ONE").sourceVersion()).isEqualTo("v2");
    assertThat(state.events)
        .anySatisfy(e -> {
          assertThat(e.action()).isEqualTo("sync.failed");
          assertThat(e.detail().get("reason")).isEqualTo("lease_lost");
        });
  }

  @Test
  void aSlowSyncer_isFenced_whileTheSecondSyncerStillHoldsTheLease() {
    SyncService slow =
        slow(() -> {
          clock.advance(Duration.ofMinutes(4));
          state.acquire("heroku#alpha", "second", Duration.ofMinutes(3), clock.instant());
        });

    SyncReport report = slow.sync(all());

    assertThat(report.apps().getFirst().reason()).isEqualTo("lease_lost");
    assertThat(heroku.patchedApps).isEmpty();
    assertThat(state.leases.lease("heroku#alpha").orElseThrow().owner())
        .as("the slow syncer did not release the second's lease")
        .isEqualTo("second");
  }

  @Test
  void aSlowSyncer_whoseLeaseRanOutButNobodyTookIt_stillPatches() {
    SyncService slow = slow(() -> clock.advance(Duration.ofMinutes(4)));

    SyncReport report = slow.sync(all());

    assertThat(report.apps().getFirst().outcome()).isEqualTo(Outcome.PATCHED);
    assertThat(heroku.vars("alpha").get("ONE").equals(OLD)).isTrue();
  }

  @Test
  void everyPatch_isPrecededByARenewal_ofTheSyncersOwnLease() {
    second.sync(all());

    assertThat(state.leases.calls("renew")).as("one PATCH, one renewal").isEqualTo(1);
    assertThat(state.leased("heroku#alpha")).as("released afterwards").isFalse();
  }

  private static SyncRequest all() {
    return SyncRequest.event(new Scope.AllSinks(), "schedule");
  }
}
