package dev.keyturn.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One audit event. Names, ARNs, version ids and outcomes only: never a secret value.
 *
 * @param at when it happened
 * @param actor who did it (function name, CLI user)
 * @param action what, e.g. {@code rotation.createSecret}, {@code sync.patch}, {@code
 *     webhook.rejected}
 * @param subject the secret name, app or webhook source it concerns
 * @param outcome {@code ok}, {@code failed}, {@code skipped}, {@code drift}, a reason code...
 * @param versionIds version ids involved
 * @param detail more names and ids (keys changed, release id, reason); never values
 */
public record AuditEvent(
    Instant at,
    String actor,
    String action,
    String subject,
    String outcome,
    List<String> versionIds,
    Map<String, String> detail) {

  public AuditEvent {
    versionIds = List.copyOf(versionIds);
    detail = Map.copyOf(detail);
  }

  public static AuditEvent of(
      Instant at, String actor, String action, String subject, String outcome) {
    return new AuditEvent(at, actor, action, subject, outcome, List.of(), Map.of());
  }

  public AuditEvent withVersions(List<String> ids) {
    return new AuditEvent(at, actor, action, subject, outcome, ids, detail);
  }

  public AuditEvent withDetail(Map<String, String> more) {
    return new AuditEvent(at, actor, action, subject, outcome, versionIds, more);
  }
}
