package dev.keyturn.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.observability.Metric;
import dev.keyturn.state.Publication;
import dev.keyturn.sync.fakes.InMemoryHeroku;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.sink.ReleaseStatus;
import dev.keyturn.sync.sink.SinkPorts;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After its PATCHes, a sync polls the releases they made, within its budget, on a clock and a
 * sleeper the test controls (no real waiting, no timing assertions).
 */
class SyncReleasePollingTest {

  private static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - heroku: {app: alpha, var: ONE}
            - heroku: {app: beta, var: ONE}
      """;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofSeconds(3);

  private final InMemoryInventory inventory = new InMemoryInventory(INVENTORY);
  private final InMemorySecrets secrets = new InMemorySecrets();
  private final InMemoryHeroku heroku = new InMemoryHeroku();
  private final InMemoryState state = new InMemoryState();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final FakeMetrics metrics = new FakeMetrics();
  private final List<Duration> slept = new ArrayList<>();
  private final SyncService service =
      new SyncService(
          inventory,
          secrets,
          SinkPorts.of(heroku),
          Services.DIGESTS,
          state,
          state,
          state,
          clock,
          new SyncSettings("test", Duration.ofMinutes(3), Duration.ZERO)
              .withReleasePolling(WAIT, POLL),
          metrics,
          d -> {
            slept.add(d);
            clock.advance(d);
          });

  SyncReleasePollingTest() {
    secrets.put("keyturn/one", "one-value-0000000001");
  }

  @Test
  void aReleaseThatSucceedsAtOnce_isConfirmed_withOneReadAndNoWait() {
    SyncReport report = service.sync(event());

    assertThat(heroku.calls).as("per app: GET + PATCH + GET release").isEqualTo(6);
    assertThat(slept).isEmpty();
    assertThat(result(report, "alpha").releaseStatus()).isEqualTo("succeeded");
    assertThat(state.vars("alpha").get("ONE").confirmedAt()).isEqualTo(clock.instant());
    assertThat(state.sync.confirmations()).hasSize(2);
  }

  @Test
  void aPendingRelease_isPolledUntilItSucceeds_thenConfirmed() {
    heroku.releasePhase("alpha", 3, ReleaseStatus.SUCCEEDED);

    SyncReport report = service.sync(event());

    assertThat(heroku.statusReads()).as("pending twice more, then succeeded").isEqualTo(3);
    assertThat(slept).containsExactly(POLL, POLL, POLL);
    AppResult alpha = result(report, "alpha");
    assertThat(alpha.releaseStatus()).isEqualTo("succeeded");
    assertThat(alpha.consumer()).endsWith("release v1 succeeded");
    assertThat(state.vars("alpha").get("ONE").confirmedAt()).isNotNull();
    assertThat(state.publication("RX_ONE", "v1", List.of("alpha", "beta")).confirmed()).isTrue();
  }

  @Test
  void aFailedRelease_raisesTheAlarmMetric_isAudited_andIsNeverConfirmed() {
    heroku.releasePhase("beta", 1, ReleaseStatus.FAILED);

    SyncReport report = service.sync(event());

    assertThat(result(report, "beta").releaseStatus()).isEqualTo("failed");
    assertThat(result(report, "beta").outcome())
        .as("the values are published; their release failed")
        .isEqualTo(AppResult.Outcome.PATCHED);
    assertThat(metrics.records().getFirst().values().get(Metric.RELEASE_FAILURES)).isEqualTo(1L);
    AuditEvent failed =
        state.events.stream()
            .filter(e -> e.action().equals("sync.release_failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.subject()).isEqualTo("beta");
    assertThat(failed.detail().get("releaseId")).isEqualTo(heroku.releases("beta").getLast().id());
    assertThat(state.vars("beta").get("ONE").releaseFailedAt()).isNotNull();
    assertThat(state.vars("beta").get("ONE").confirmedAt()).isNull();
    Publication p = state.publication("RX_ONE", "v1", List.of("alpha", "beta"));
    assertThat(p.published()).isTrue();
    assertThat(p.confirmed()).isFalse();
    assertThat(p.failedTargets()).containsExactly("beta");
  }

  @Test
  void aReleaseStillPendingAtTheEndOfTheBudget_staysPending_forTheWebhook() {
    heroku.releasePhase("alpha", Integer.MAX_VALUE, ReleaseStatus.SUCCEEDED);

    SyncReport report = service.sync(event());

    assertThat(slept).as("budget 30s, a poll every 3s").hasSize(10);
    assertThat(heroku.statusReads()).isEqualTo(10);
    assertThat(result(report, "alpha").releaseStatus()).isEqualTo("pending");
    assertThat(result(report, "alpha").consumer())
        .endsWith("release v1 pending (api:release webhook)");
    assertThat(state.vars("alpha").get("ONE").confirmedAt()).isNull();
    assertThat(state.vars("alpha").get("ONE").releaseFailedAt()).isNull();
    assertThat(metrics.records().getFirst().values().get(Metric.RELEASE_FAILURES)).isZero();

    String release = heroku.releases("alpha").getLast().id();
    state.confirmRelease("alpha", release, clock.instant()); // the api:release webhook, later
    assertThat(state.publication("RX_ONE", "v1", List.of("alpha", "beta")).confirmed()).isTrue();
  }

  @Test
  void pendingReleasesOfSeveralApps_arePolledTogether_withinOneBudget() {
    heroku.releasePhase("alpha", 2, ReleaseStatus.SUCCEEDED);
    heroku.releasePhase("beta", 2, ReleaseStatus.SUCCEEDED);

    service.sync(event());

    assertThat(slept).as("one round reads both").containsExactly(POLL, POLL);
  }

  @Test
  void withoutABudget_theReleaseIsNotRead_andStaysPendingForTheWebhook() {
    SyncService unpolled =
        Services.sync(inventory, secrets, state, clock, metrics, heroku); // release-wait 0

    unpolled.sync(event());

    assertThat(heroku.calls).as("per app: GET + PATCH").isEqualTo(4);
    assertThat(state.vars("alpha").get("ONE").releasePending()).isTrue();
  }

  private static SyncRequest event() {
    return SyncRequest.event(new Scope.AllSinks(), "schedule");
  }

  private static AppResult result(SyncReport report, String app) {
    return report.apps().stream().filter(a -> a.app().equals(app)).findFirst().orElseThrow();
  }
}
