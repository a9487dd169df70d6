package dev.keyturn.sync;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.heroku.HerokuApiException;
import dev.keyturn.heroku.RateLimitLowException;
import dev.keyturn.heroku.Release;
import dev.keyturn.inventory.SecretFields;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretReads;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.plan.AppPlan;
import dev.keyturn.sync.plan.Binding;
import dev.keyturn.sync.plan.PlanView;
import dev.keyturn.sync.plan.Planner;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one app in line: read its config vars, plan, send at most one PATCH, record the release
 * and audit it. Nothing half-applies: an app with a missing source value or a conflicting binding
 * is not touched at all. {@link RateLimitLowException} is left to the caller, which stops early.
 */
final class AppSync {

  private static final Logger LOG = LoggerFactory.getLogger(AppSync.class);

  private final ConfigSink sink;
  private final SyncStateStore state;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  AppSync(ConfigSink sink, SyncStateStore state, AuditLog audit, Clock clock, String actor) {
    this.sink = sink;
    this.state = state;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
  }

  /** The work for one app: its bindings in scope and what else it has bound. */
  record Work(String app, List<Binding> bindings, Set<String> allVars, Set<String> conflicts) {}

  AppResult run(Work work, SecretReads reads, boolean dryRun, String trigger) {
    Map<Source, SecretValue> values = reads.values();
    String app = work.app();
    if (work.bindings().isEmpty()) {
      return AppResult.notDone(
          app, dryRun ? Outcome.PLANNED : Outcome.UNCHANGED, "no_managed_vars");
    }
    if (!work.conflicts().isEmpty()) {
      return failed(app, "conflicting_bindings:" + String.join(",", work.conflicts()), trigger);
    }
    Map<String, SecretValue> bySecret = new HashMap<>();
    Set<String> missing = new TreeSet<>();
    Set<String> unreadable = new TreeSet<>();
    for (Binding b : work.bindings()) {
      SecretValue v = values.get(b.source());
      String failure = reads.failures().get(b.source());
      if (failure != null) {
        unreadable.add(b.secretName() + "(" + failure + ")");
      } else if (v == null || v.value() == null) {
        missing.add(b.secretName());
      } else {
        bySecret.put(b.secretName(), v);
      }
    }
    if (!unreadable.isEmpty()) {
      return failed(app, "source_unreadable:" + String.join(",", unreadable), trigger);
    }
    if (!missing.isEmpty()) {
      return failed(app, "source_missing:" + String.join(",", missing), trigger);
    }
    try {
      return apply(work, bySecret, dryRun, trigger);
    } catch (RateLimitLowException low) {
      throw low;
    } catch (HerokuApiException e) {
      String maybe = e.unsettled() ? ":may_have_applied" : "";
      return failed(app, "heroku:" + e.status() + ":" + e.id() + maybe, trigger);
    } catch (SecretFields.SecretFieldMissingException e) {
      return failed(app, "field_missing:" + e.secretName() + "." + e.field(), trigger);
    } catch (RuntimeException e) {
      return failed(app, "error:" + e.getClass().getSimpleName(), trigger);
    }
  }

  private AppResult apply(
      Work work, Map<String, SecretValue> values, boolean dryRun, String trigger) {
    String app = work.app();
    Map<String, String> heroku = sink.read(app);
    Map<String, VarState> recorded = state.vars(app);
    AppPlan plan = Planner.plan(app, work.bindings(), work.allVars(), values, heroku, recorded);
    if (dryRun) {
      return new AppResult(
          app,
          Outcome.PLANNED,
          plan.setKeys(),
          plan.removedKeys(),
          plan.driftKeys(),
          null,
          null,
          null,
          PlanView.of(plan));
    }
    Instant now = clock.instant();
    if (!plan.hasChanges()) {
      record(app, plan.statesToRecord(null, null, now, recorded));
      return new AppResult(
          app, Outcome.UNCHANGED, List.of(), List.of(), List.of(), null, null, null, null);
    }
    sink.apply(app, plan.patch());
    Optional<Release> release = readRelease(app);
    String releaseId = release.map(Release::id).orElse(null);
    Integer releaseVersion = release.map(Release::version).orElse(null);
    record(app, plan.statesToRecord(releaseId, releaseVersion, now, recorded));
    forget(app, plan.removedKeys());
    auditPatch(plan, releaseId, releaseVersion, trigger, now);
    LOG.info(
        "sync app={} patched set={} removed={} drift={} release=v{}",
        app,
        plan.setKeys(),
        plan.removedKeys(),
        plan.driftKeys(),
        releaseVersion);
    return new AppResult(
        app,
        Outcome.PATCHED,
        plan.setKeys(),
        plan.removedKeys(),
        plan.driftKeys(),
        releaseId,
        releaseVersion,
        release.isEmpty() ? "release_unknown" : null,
        null);
  }

  /** The PATCH is done; not knowing its release must not turn it into a failure. */
  private Optional<Release> readRelease(String app) {
    try {
      return sink.latestRelease(app);
    } catch (RuntimeException e) {
      LOG.warn("sync app={} patched, but reading its release failed: {}", app, describe(e));
      return Optional.empty();
    }
  }

  private void record(String app, List<VarState> states) {
    if (states.isEmpty()) {
      return;
    }
    try {
      state.recordPublished(app, states);
    } catch (RuntimeException e) {
      // the next run sees Heroku in line and records then
      LOG.error("sync app={} recording state failed: {}", app, e.getClass().getSimpleName());
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
          "sync app={} forgetting removed vars failed: {}", app, e.getClass().getSimpleName());
    }
  }

  private void auditPatch(
      AppPlan plan, String releaseId, Integer releaseVersion, String trigger, Instant now) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("keys", String.join(",", plan.setKeys()));
    detail.put("removed", String.join(",", plan.removedKeys()));
    detail.put("releaseId", releaseId == null ? "unknown" : releaseId);
    detail.put("releaseVersion", releaseVersion == null ? "unknown" : releaseVersion.toString());
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

  static String describe(RuntimeException e) {
    return e instanceof HerokuApiException h
        ? "heroku:" + h.status() + ":" + h.id()
        : e.getClass().getSimpleName();
  }

  AppResult failed(String app, String reason, String trigger) {
    LOG.warn("sync app={} failed: {}", app, reason);
    record(
        AuditEvent.of(clock.instant(), actor, "sync.failed", app, "failed")
            .withDetail(Map.of("reason", reason, "trigger", trigger)));
    return AppResult.notDone(app, Outcome.FAILED, reason);
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
