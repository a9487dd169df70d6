package dev.keyturn.sync;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.heroku.RateLimitLowException;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretReads;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes secret values to Heroku config vars: for the apps a request covers, take each app's
 * lease, read every source value in one batched pass (at AWSCURRENT), then per app compare, send at
 * most one PATCH (one release), record and audit. Reports app by app; stops early, without
 * half-applying anything, when Heroku's request budget runs low. Publishes its counts ({@link
 * SyncMetrics}); a sync that fails before it can report counts as one SyncFailure.
 */
public final class SyncService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final InventoryStore inventory;
  private final SecretSource secrets;
  private final LeaseStore leases;
  private final Clock clock;
  private final SyncSettings settings;
  private final AppSync appSync;
  private final Metrics metrics;

  public SyncService(
      InventoryStore inventory,
      SecretSource secrets,
      ConfigSink sink,
      SyncStateStore state,
      LeaseStore leases,
      AuditLog audit,
      Clock clock,
      SyncSettings settings,
      Metrics metrics) {
    this.inventory = inventory;
    this.secrets = secrets;
    this.leases = leases;
    this.clock = clock;
    this.settings = settings;
    this.appSync = new AppSync(sink, state, audit, clock, settings.actor());
    this.metrics = metrics;
  }

  public SyncReport sync(SyncRequest request) {
    SyncReport report;
    try {
      report = syncScope(request);
    } catch (RuntimeException failed) {
      if (!request.dryRun()) {
        metrics.count(Metric.SYNC_FAILURES, 1);
      }
      throw failed;
    }
    SyncMetrics.of(report).ifPresent(metrics::publish);
    return report;
  }

  private SyncReport syncScope(SyncRequest request) {
    if (request.scope() instanceof Scope.Nothing(String reason)) {
      LOG.info("sync ({}) ignored: {}", request.trigger(), reason);
      return SyncReport.ignored(request.trigger(), reason);
    }
    Selection selection = Selection.of(inventory, request.scope());
    List<AppResult> results =
        request.dryRun() ? plan(selection, request) : publish(selection, request);
    SyncReport report =
        new SyncReport(
            request.trigger(), request.dryRun(), results, null, selection.unknownSources());
    LOG.info(
        "sync ({}) done: {} apps, {} incomplete",
        request.trigger(),
        results.size(),
        report.incomplete().size());
    return report;
  }

  private List<AppResult> plan(Selection selection, SyncRequest request) {
    Set<String> apps = selection.inScope().keySet();
    return runApps(apps, selection, request);
  }

  private List<AppResult> publish(Selection selection, SyncRequest request) {
    List<AppResult> results = new ArrayList<>();
    String owner = settings.actor() + "/" + UUID.randomUUID();
    try (AppLeases held =
        AppLeases.acquire(leases, selection.inScope().keySet(), owner, settings, clock)) {
      for (String app : selection.inScope().keySet()) {
        if (!held.holds(app)) {
          LOG.info("sync app={} busy: another invocation holds its lease", app);
          results.add(AppResult.notDone(app, Outcome.BUSY, "lease_held"));
        }
      }
      results.addAll(runApps(Set.copyOf(held.apps()), selection, request, held));
    }
    results.sort(java.util.Comparator.comparing(AppResult::app));
    return results;
  }

  private List<AppResult> runApps(Set<String> apps, Selection selection, SyncRequest request) {
    return runApps(apps, selection, request, null);
  }

  private List<AppResult> runApps(
      Set<String> apps, Selection selection, SyncRequest request, AppLeases held) {
    List<String> sorted = apps.stream().sorted().toList();
    SecretReads values;
    try {
      values = secrets.read(selection.sources(apps));
    } catch (RuntimeException e) {
      return sorted.stream()
          .map(app ->
              appSync.failed(
                  app, "source_read_failed:" + e.getClass().getSimpleName(), request.trigger()))
          .toList();
    }
    List<AppResult> results = new ArrayList<>();
    RateLimitLowException stopped = null;
    for (String app : sorted) {
      try {
        results.add(
            stopped != null
                ? deferred(app, stopped, request)
                : appSync.run(work(selection, app), values, request.dryRun(), request.trigger()));
      } catch (RateLimitLowException low) {
        stopped = low;
        results.add(deferred(app, low, request));
      } finally {
        if (held != null) {
          held.release(app);
        }
      }
    }
    return results;
  }

  private static AppSync.Work work(Selection selection, String app) {
    return new AppSync.Work(
        app, selection.inScope().get(app), selection.allVars(app), selection.conflicts(app));
  }

  private AppResult deferred(String app, RateLimitLowException low, SyncRequest request) {
    String reason = "rate_limit_low:" + low.remaining();
    LOG.warn(
        "sync app={} deferred: Heroku request budget low ({} remaining)", app, low.remaining());
    appSync.record(
        AuditEvent.of(clock.instant(), settings.actor(), "sync.deferred", app, "rate_limit_low")
            .withDetail(Map.of("reason", reason, "trigger", request.trigger())));
    return AppResult.notDone(app, Outcome.DEFERRED, reason);
  }
}
