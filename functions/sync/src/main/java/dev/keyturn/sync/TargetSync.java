package dev.keyturn.sync;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretFields;
import dev.keyturn.inventory.SinkKey;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.digest.DigestKeyUnavailableException;
import dev.keyturn.sync.digest.PublishedDigests;
import dev.keyturn.sync.plan.AppPlan;
import dev.keyturn.sync.plan.Binding;
import dev.keyturn.sync.plan.Digester;
import dev.keyturn.sync.plan.PlanView;
import dev.keyturn.sync.plan.Planner;
import dev.keyturn.sync.sink.Applied;
import dev.keyturn.sync.sink.RemoteVar;
import dev.keyturn.sync.sink.SinkCallException;
import dev.keyturn.sync.sink.SinkDeferredException;
import dev.keyturn.sync.sink.SinkPort;
import dev.keyturn.sync.sink.SinkPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one target in line, whatever its kind: read it through its adapter, plan, apply every
 * change in one go, record and audit. Nothing half-applies unreported: a target with a missing
 * source value or a conflicting binding is not touched at all, and an apply that stops part way
 * (budget, failure) records and reports exactly the vars it wrote.
 */
final class TargetSync {

  private static final Logger LOG = LoggerFactory.getLogger(TargetSync.class);

  private final SinkPorts ports;
  private final PublishedDigests digests;
  private final SyncStateStore state;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  TargetSync(
      SinkPorts ports,
      PublishedDigests digests,
      SyncStateStore state,
      AuditLog audit,
      Clock clock,
      String actor) {
    this.ports = ports;
    this.digests = digests;
    this.state = state;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
  }

  /** The work for one target: its bindings in scope and what else it has bound. */
  record Work(String app, List<Binding> bindings, Set<String> allVars, Set<String> conflicts) {}

  /** How a sync runs: plan only, and whether someone waits for the consumer evidence. */
  record Mode(boolean dryRun, boolean releaseNow, String trigger) {}

  AppResult run(Work work, Map<Source, SecretValue> values, Mode mode) {
    String app = work.app();
    if (work.bindings().isEmpty()) {
      return AppResult.notDone(
          app, mode.dryRun() ? Outcome.PLANNED : Outcome.UNCHANGED, "no_managed_vars");
    }
    if (!work.conflicts().isEmpty()) {
      return failed(app, "conflicting_bindings:" + String.join(",", work.conflicts()), mode);
    }
    Map<String, SecretValue> byValue = new HashMap<>();
    Set<String> missing = new TreeSet<>();
    for (Binding b : work.bindings()) {
      SecretValue v = b.source() == null ? null : values.get(b.source());
      if (v == null || v.value() == null) {
        missing.add(b.valueKey());
      } else {
        byValue.put(b.valueKey(), v);
      }
    }
    if (!missing.isEmpty()) {
      return failed(app, "source_missing:" + String.join(",", missing), mode);
    }
    try {
      return apply(work, byValue, mode);
    } catch (SinkDeferredException deferred) {
      return deferred(app, deferred.reason(), List.of(), List.of(), mode);
    } catch (SinkCallException e) {
      return failed(app, e.reason(), mode);
    } catch (SecretFields.SecretFieldMissingException e) {
      return failed(app, "field_missing:" + e.secretName() + "." + e.field(), mode);
    } catch (DigestKeyUnavailableException e) {
      return failed(app, "digest_key_unavailable", mode);
    } catch (RuntimeException e) {
      return failed(app, "error:" + e.getClass().getSimpleName(), mode);
    }
  }

  private AppResult apply(Work work, Map<String, SecretValue> values, Mode mode) {
    String app = work.app();
    SinkPort port = ports.require(SinkKey.kind(app));
    Map<String, RemoteVar> remote = port.read(SinkKey.name(app));
    Map<String, VarState> recorded = state.vars(app);
    Digester digester = port.readsValues() ? null : (var, value) -> digests.digest(app, var, value);
    AppPlan plan =
        Planner.plan(app, work.bindings(), work.allVars(), values, remote, recorded, digester);
    if (mode.dryRun()) {
      return new AppResult(
          app,
          Outcome.PLANNED,
          plan.setKeys(),
          plan.removedKeys(),
          plan.driftKeys(),
          null,
          null,
          null,
          PlanView.of(plan),
          null);
    }
    Instant now = clock.instant();
    if (!plan.hasChanges()) {
      record(app, plan.statesToRecord(null, null, now, recorded));
      return new AppResult(
          app, Outcome.UNCHANGED, List.of(), List.of(), List.of(), null, null, null, null, null);
    }
    Applied applied;
    try {
      applied = port.apply(SinkKey.name(app), plan.patch(), mode.releaseNow());
    } catch (SinkDeferredException e) {
      Written w = keep(app, plan, recorded, e.written(), now);
      return deferred(app, e.reason(), w.set(), w.removed(), mode);
    } catch (SinkCallException e) {
      Written w = keep(app, plan, recorded, e.written(), now);
      return failedAfter(app, e.reason(), w, mode);
    }
    record(app, plan.statesToRecord(applied.releaseId(), applied.releaseVersion(), now, recorded));
    forget(app, plan.removedKeys());
    String consumer = consumer(port, applied);
    auditPatch(plan, applied, consumer, mode.trigger(), now);
    LOG.info(
        "sync target={} applied set={} removed={} drift={} consumer={}",
        app,
        plan.setKeys(),
        plan.removedKeys(),
        plan.driftKeys(),
        consumer);
    return new AppResult(
        app,
        Outcome.PATCHED,
        plan.setKeys(),
        plan.removedKeys(),
        plan.driftKeys(),
        applied.releaseId(),
        applied.releaseVersion(),
        null,
        null,
        consumer);
  }

  private static String consumer(SinkPort port, Applied applied) {
    String action = port.consumerAction().description();
    if (applied.releaseVersion() != null) {
      return action + ": release v" + applied.releaseVersion();
    }
    return port.readsValues() && SinkKey.HEROKU.equals(port.kind())
        ? action + ": release pending (api:release webhook)"
        : action;
  }

  /** The vars a partial apply wrote, recorded (set) and forgotten (removed) like a full one. */
  private record Written(List<String> set, List<String> removed) {}

  private Written keep(
      String app, AppPlan plan, Map<String, VarState> recorded, List<String> written, Instant now) {
    Set<String> took = Set.copyOf(written);
    record(app, plan.statesToRecord(null, null, now, recorded, took));
    List<String> removed = plan.removedKeys().stream().filter(took::contains).toList();
    forget(app, removed);
    return new Written(plan.setKeys().stream().filter(took::contains).toList(), removed);
  }

  private void record(String app, List<VarState> states) {
    if (states.isEmpty()) {
      return;
    }
    try {
      state.recordPublished(app, states);
    } catch (RuntimeException e) {
      // the next run sees the target in line and records then (for digests: writes once more)
      LOG.error("sync target={} recording state failed: {}", app, e.getClass().getSimpleName());
    }
  }

  private void forget(String app, List<String> removed) {
    if (removed.isEmpty()) {
      return;
    }
    try {
      state.forget(app, removed);
    } catch (RuntimeException e) {
      // a record left behind only makes keyturn delete that var again if it reappears
      LOG.error(
          "sync target={} forgetting removed vars failed: {}", app, e.getClass().getSimpleName());
    }
  }

  private void auditPatch(
      AppPlan plan, Applied applied, String consumer, String trigger, Instant now) {
    String releaseId = applied.releaseId();
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("keys", String.join(",", plan.setKeys()));
    detail.put("removed", String.join(",", plan.removedKeys()));
    detail.put("releaseId", releaseId == null ? "unknown" : releaseId);
    detail.put(
        "releaseVersion",
        applied.releaseVersion() == null ? "unknown" : applied.releaseVersion().toString());
    detail.put("consumer", consumer);
    detail.put("trigger", trigger);
    record(
        AuditEvent.of(now, actor, "sync.patch", plan.app(), "ok")
            .withVersions(plan.setVersions())
            .withDetail(detail));
    if (!plan.driftKeys().isEmpty()) {
      record(
          AuditEvent.of(now, actor, "sync.drift", plan.app(), "drift")
              .withDetail(
                  Map.of(
                      "keys",
                      String.join(",", plan.driftKeys()),
                      "repairedIn",
                      releaseId == null ? "unknown" : releaseId,
                      "trigger",
                      trigger)));
    }
  }

  AppResult deferred(String app, String reason, List<String> set, List<String> removed, Mode mode) {
    LOG.warn(
        "sync target={} deferred: {} (written before: set={} removed={})",
        app,
        reason,
        set,
        removed);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("written", String.join(",", concat(set, removed)));
    detail.put("trigger", mode.trigger());
    record(
        AuditEvent.of(clock.instant(), actor, "sync.deferred", app, "rate_limit_low")
            .withDetail(detail));
    return new AppResult(
        app, Outcome.DEFERRED, set, removed, List.of(), null, null, reason, null, null);
  }

  AppResult failed(String app, String reason, Mode mode) {
    return failedAfter(app, reason, new Written(List.of(), List.of()), mode);
  }

  private AppResult failedAfter(String app, String reason, Written w, Mode mode) {
    LOG.warn("sync target={} failed: {} (written before: {})", app, reason, w);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("trigger", mode.trigger());
    if (!w.set().isEmpty() || !w.removed().isEmpty()) {
      detail.put("written", String.join(",", concat(w.set(), w.removed())));
    }
    record(AuditEvent.of(clock.instant(), actor, "sync.failed", app, "failed").withDetail(detail));
    return new AppResult(
        app, Outcome.FAILED, w.set(), w.removed(), List.of(), null, null, reason, null, null);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  void record(AuditEvent event) {
    try {
      audit.record(event);
    } catch (RuntimeException e) {
      LOG.error(
          "audit write failed for {} {}: {}",
          event.action(),
          event.subject(),
          e.getClass().getSimpleName());
    }
  }
}
