package dev.keyturn.access;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.identity.CallerIdentityReader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records that a person's process read secret values: one {@value #ACTION} event per entry, naming
 * the command that read it (never a value). The caller must be known to AWS first: {@link
 * #requireCaller()} asks STS before anything is read, so no value is read by an unidentified
 * caller.
 */
public final class AccessAudit {

  /** The audit action of a read. */
  public static final String ACTION = "secret.read";

  private final AuditLog audit;
  private final CallerIdentityReader identity;
  private final Clock clock;
  private final String actor;
  private final String purpose;

  /**
   * @param actor the self-asserted name ({@code keyturn-cli:<os user>}); the audit log replaces it
   *     with the principal and keeps it as a hint
   * @param purpose the command that reads ({@code run}, {@code sync}, {@code status}, ...)
   */
  public AccessAudit(
      AuditLog audit, CallerIdentityReader identity, Clock clock, String actor, String purpose) {
    this.audit = audit;
    this.identity = identity;
    this.clock = clock;
    this.actor = actor;
    this.purpose = purpose;
  }

  /**
   * @throws dev.keyturn.identity.CallerUnknownException when STS cannot say who is reading
   */
  public void requireCaller() {
    identity.current();
  }

  /**
   * One event per subject.
   *
   * @param reads subject (entry name, else the source id) to what was read: the source id, the
   *     outcome ({@code ok}, {@code missing}, {@code failed}) and version ids
   */
  public void record(Map<String, Read> reads, Map<String, String> more) {
    List<AuditEvent> events =
        reads.entrySet().stream().map(r -> event(r.getKey(), r.getValue(), more)).toList();
    audit.recordAll(events);
  }

  private AuditEvent event(String subject, Read read, Map<String, String> more) {
    Map<String, String> detail = new LinkedHashMap<>(more);
    detail.put("purpose", purpose);
    detail.put("source", read.sourceId());
    return AuditEvent.of(clock.instant(), actor, ACTION, subject, read.outcome())
        .withVersions(read.versionIds())
        .withDetail(detail);
  }

  /** What was read of one subject. */
  public record Read(String sourceId, String outcome, List<String> versionIds) {

    public Read {
      versionIds = List.copyOf(versionIds);
    }
  }
}
