package dev.keyturn.sync;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.sync.plan.AppPlan;
import dev.keyturn.sync.sink.Applied;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync's audit events (names, ids, versions; never values). A failed audit write is logged, never
 * turned into a failed target: the target's state is what it is.
 */
final class SyncAudit {

  private static final Logger LOG = LoggerFactory.getLogger(SyncAudit.class);

  private final AuditLog audit;
  private final String actor;

  SyncAudit(AuditLog audit, String actor) {
    this.audit = audit;
    this.actor = actor;
  }

  /** {@code sync.patch}, and {@code sync.drift} when the change repaired drift. */
  void patch(AppPlan plan, Applied applied, String consumer, String trigger, Instant now) {
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
