package dev.keyturn.rotate.sweep;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit events of SSM rotation: action {@code rotation.sweep}, whoever started it. */
final class SweepAudit {

  static final String STEP = "sweep";

  private final AuditLog audit;
  private final String actor;

  SweepAudit(AuditLog audit, String actor) {
    this.audit = audit;
    this.actor = actor;
  }

  void record(
      SecretEntry entry,
      Instant now,
      String outcome,
      List<String> versions,
      Map<String, String> detail) {
    audit.record(
        AuditEvent.of(now, actor, "rotation." + STEP, entry.name(), outcome)
            .withVersions(versions)
            .withDetail(detail));
  }

  void failed(SecretEntry entry, Instant now, String error) {
    record(entry, now, "failed", List.of(), Map.of("error", error));
  }
}
