package dev.keyturn.sync;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SinkKey;
import dev.keyturn.inventory.Source;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.digest.PublishedDigests;
import dev.keyturn.sync.sink.SinkPorts;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes secret values to their targets through one {@link dev.keyturn.sync.sink.SinkPort} per
 * kind (Heroku apps, GitHub repositories and environments, Cloudflare Workers, {@code .env} files):
 * for the targets a request covers, take each target's lease, read every source value in one
 * batched pass (at AWSCURRENT), then per target compare, apply in one go, record and audit. Reports
 * target by target; when a kind's request budget runs low, its remaining targets are deferred
 * (other kinds go on). Publishes its counts ({@link SyncMetrics}); a sync that fails before it can
 * report counts as one SyncFailure.
 */
public final class SyncService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final InventoryStore inventory;
  private final SecretSource secrets;
  private final SinkPorts ports;
  private final LeaseStore leases;
  private final Clock clock;
  private final SyncSettings settings;
  private final TargetSync targetSync;
  private final Metrics metrics;

  public SyncService(
      InventoryStore inventory,
      SecretSource secrets,
      SinkPorts ports,
      PublishedDigests digests,
      SyncStateStore state,
      LeaseStore leases,
      AuditLog audit,
      Clock clock,
      SyncSettings settings,
      Metrics metrics) {
    this.inventory = inventory;
    this.secrets = secrets;
    this.ports = ports;
    this.leases = leases;
    this.clock = clock;
    this.settings = settings;
    this.targetSync = new TargetSync(ports, digests, state, audit, clock, settings.actor());
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
    Selection selection = Selection.of(inventory, request.scope(), ports.kinds());
    List<AppResult> results =
        request.dryRun()
            ? runTargets(selection.inScope().keySet(), selection, request, null)
            : publish(selection, request);
    SyncReport report =
        new SyncReport(
            request.trigger(), request.dryRun(), results, null, selection.unknownSources());
    LOG.info(
        "sync ({}) done: {} targets, {} incomplete",
        request.trigger(),
        results.size(),
        report.incomplete().size());
    return report;
  }

  private List<AppResult> publish(Selection selection, SyncRequest request) {
    List<AppResult> results = new ArrayList<>();
    String owner = settings.actor() + "/" + UUID.randomUUID();
    try (AppLeases held =
        AppLeases.acquire(leases, selection.inScope().keySet(), owner, settings, clock)) {
      for (String target : selection.inScope().keySet()) {
        if (!held.holds(target)) {
          LOG.info("sync target={} busy: another invocation holds its lease", target);
          results.add(AppResult.notDone(target, Outcome.BUSY, "lease_held"));
        }
      }
      results.addAll(runTargets(Set.copyOf(held.apps()), selection, request, held));
    }
    results.sort(Comparator.comparing(AppResult::app));
    return results;
  }

  private List<AppResult> runTargets(
      Set<String> targets, Selection selection, SyncRequest request, AppLeases held) {
    List<String> sorted = targets.stream().sorted().toList();
    TargetSync.Mode mode =
        new TargetSync.Mode(request.dryRun(), request.releaseNow(), request.trigger());
    Map<Source, SecretValue> values;
    try {
      values = secrets.current(selection.sources(targets));
    } catch (RuntimeException e) {
      return sorted.stream()
          .map(t -> {
            if (held != null) {
              held.release(t);
            }
            return targetSync.failed(t, "source_read_failed:" + e.getClass().getSimpleName(), mode);
          })
          .toList();
    }
    List<AppResult> results = new ArrayList<>();
    Map<String, String> stoppedKinds = new HashMap<>();
    for (String target : sorted) {
      String kind = SinkKey.kind(target);
      try {
        String stopped = stoppedKinds.get(kind);
        AppResult result =
            stopped != null
                ? targetSync.deferred(target, stopped, List.of(), List.of(), mode)
                : targetSync.run(work(selection, target), values, mode);
        if (result.outcome() == Outcome.DEFERRED) {
          // the kind's budget is spent: its other targets wait for a later run
          stoppedKinds.putIfAbsent(kind, result.reason());
        }
        results.add(result);
      } finally {
        if (held != null) {
          held.release(target);
        }
      }
    }
    return results;
  }

  private static TargetSync.Work work(Selection selection, String target) {
    return new TargetSync.Work(
        target,
        selection.inScope().get(target),
        selection.allVars(target),
        selection.conflicts(target));
  }
}
