package dev.keyturn.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.observability.Metric;
import dev.keyturn.observability.MetricRecord;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.sync.fakes.InMemoryHeroku;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.fakes.FakeMetrics;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {

  private static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - heroku: {app: alpha, var: ONE}
            - heroku: {app: beta, var: ONE}
        - name: RX_TWO
          source: {ssmParameter: /keyturn/two}
          sinks:
            - heroku: {app: alpha, var: TWO}
      """;

  private final InMemorySecrets secrets = new InMemorySecrets();
  private final InMemoryHeroku heroku = new InMemoryHeroku();
  private final InMemoryState state = new InMemoryState();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final FakeMetrics metrics = new FakeMetrics();
  private final SyncService service = service(new InMemoryInventory(INVENTORY));

  SyncMetricsTest() {
    secrets.put("keyturn/one", "one-value-0000000001");
    secrets.put("/keyturn/two", "two-value-0000000002");
  }

  private SyncService service(InventoryStore inventory) {
    return Services.sync(inventory, secrets, state, clock, metrics, heroku);
  }

  private static SyncRequest all() {
    return SyncRequest.event(new Scope.AllSinks(), "schedule");
  }

  private MetricRecord onlyRecord() {
    assertThat(metrics.records()).hasSize(1);
    return metrics.records().get(0);
  }

  @Test
  void aSync_publishesVarsChangedAndReleases_inOneRecord() {
    service.sync(all());

    assertThat(onlyRecord().values())
        .containsExactly(
            Map.entry(Metric.VARS_CHANGED, 3L),
            Map.entry(Metric.RELEASES, 2L),
            Map.entry(Metric.DRIFT_REPAIRED, 0L),
            Map.entry(Metric.SYNC_FAILURES, 0L),
            Map.entry(Metric.SYNC_DEFERRED, 0L));
  }

  @Test
  void aSyncThatFindsEverythingInLine_countsNoChangeAndNoRelease() {
    service.sync(all());
    metrics.clear();

    service.sync(all());

    assertThat(onlyRecord().values().get(Metric.VARS_CHANGED)).isZero();
    assertThat(onlyRecord().values().get(Metric.RELEASES)).isZero();
  }

  @Test
  void anAppWithAMissingSource_isASyncFailure() {
    secrets.remove("/keyturn/two");

    service.sync(all());

    assertThat(onlyRecord().values().get(Metric.SYNC_FAILURES)).isEqualTo(1);
    assertThat(onlyRecord().values().get(Metric.RELEASES)).isEqualTo(1);
  }

  @Test
  void aVarPutBackAfterADashboardEdit_isCountedAsDrift() {
    service.sync(all());
    heroku.set("alpha", "TWO", "edited-in-the-dashboard");
    metrics.clear();

    service.sync(all());

    assertThat(onlyRecord().values().get(Metric.DRIFT_REPAIRED)).isEqualTo(1);
    assertThat(onlyRecord().values().get(Metric.VARS_CHANGED)).isEqualTo(1);
  }

  @Test
  void anAppHeldByAnotherInvocation_isDeferred_notFailed() {
    state.acquire("heroku#beta", "someone-else", Duration.ofMinutes(1), clock.instant());

    service.sync(all());

    assertThat(onlyRecord().values().get(Metric.SYNC_DEFERRED)).isEqualTo(1);
    assertThat(onlyRecord().values().get(Metric.SYNC_FAILURES)).isZero();
  }

  @Test
  void dryRunsAndIgnoredEvents_publishNothing() {
    service.sync(new SyncRequest(new Scope.AllSinks(), true, "direct", false));
    service.sync(SyncRequest.ignored("x", "nothing to do"));

    assertThat(metrics.records()).isEmpty();
  }

  @Test
  void aSyncThatFailsBeforeItCanReport_countsOneFailure() {
    InventoryStore unreachable =
        (InventoryStore)
            Proxy.newProxyInstance(
                InventoryStore.class.getClassLoader(),
                new Class<?>[] {InventoryStore.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("table unreachable");
                });

    assertThatThrownBy(() -> service(unreachable).sync(all()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(metrics.total(Metric.SYNC_FAILURES)).isEqualTo(1);
  }
}
