package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.Source;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.SyncSettings;
import dev.keyturn.sync.digest.PublishedDigests;
import dev.keyturn.sync.sink.SinkPorts;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lease fencing on DynamoDB Local (core's DynamoLeaseStore) with the Heroku stand-in and moto: a
 * syncer whose lease ran out while it was paused after reading values, and that a second syncer
 * took and used to publish a newer value, never PATCHes what it read.
 */
class SyncFencingIntegrationTest extends SyncFunctionTestBase {

  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

  private SyncService service(SecretSource secrets) {
    return new SyncService(
        context.getBean(InventoryStore.class),
        secrets,
        context.getBean(SinkPorts.class),
        context.getBean(PublishedDigests.class),
        context.getBean(SyncStateStore.class),
        context.getBean(LeaseStore.class),
        context.getBean(AuditLog.class),
        clock,
        context.getBean(SyncSettings.class),
        Metrics.NONE);
  }

  /** The bean's secret source, pausing right after its read while {@code meanwhile} happens. */
  private static SecretSource pausingAfterRead(Runnable meanwhile) {
    SecretSource real = context.getBean(SecretSource.class);
    return new SecretSource() {
      @Override
      public Map<Source, SecretValue> current(Collection<Source> sources) {
        Map<Source, SecretValue> read = real.current(sources);
        meanwhile.run();
        return read;
      }

      @Override
      public List<SecretValue> liveVersions(Source source) {
        return real.liveVersions(source);
      }
    };
  }

  @Test
  void aSlowSyncer_whoseExpiredLeaseASecondSyncerTook_isFenced_andPatchesNothing() {
    SyncWorld w = world(1, 1, 0);
    String app = w.app(0);
    w.createApps(Map.of());
    SyncRequest event = SyncRequest.event(new Scope.Sources(Set.of(w.vars.get(0).sourceId())), "t");
    SyncService second = service(context.getBean(SecretSource.class));
    SyncService slow =
        service(
            pausingAfterRead(() -> {
              apart(() -> w.rotate(w.vars.get(0)));
              clock.advance(Duration.ofMinutes(4)); // past the 3-minute lease
              assertThat(second.sync(event).apps().getFirst().outcome()).isEqualTo(Outcome.PATCHED);
            }));

    SyncReport report = slow.sync(event);

    AppResult result = report.apps().getFirst();
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).isEqualTo("lease_lost");
    assertThat(patches(app)).as("only the second syncer's PATCH").isEqualTo(1);
    assertThat(w.herokuMatchesSources(app)).as("Heroku holds the rotated value").isTrue();
    LeaseStore leases = context.getBean(LeaseStore.class);
    assertThat(
            leases
                .acquire("heroku#" + app, "probe", Duration.ofMinutes(1), clock.instant())
                .orElseThrow()
                .version())
        .as("slow took v1, the second v2")
        .isEqualTo(3);
  }

  /**
   * Runs the test's own AWS writes on another thread: the sync role's call journal attributes a
   * call to sync when sync's classes are on its stack, and this one is the test's, not sync's.
   */
  private static void apart(Runnable action) {
    Thread thread = Thread.ofPlatform().start(action);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
