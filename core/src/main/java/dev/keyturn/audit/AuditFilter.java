package dev.keyturn.audit;

/**
 * Which audit events to keep. Null fields match everything.
 *
 * @param subject the entry (secret name), app or webhook source
 * @param actor the principal ARN (or, for events recorded before principals, the recorded name)
 * @param kind the kind of action
 */
public record AuditFilter(String subject, String actor, AuditKind kind) {

  public static final AuditFilter ALL = new AuditFilter(null, null, null);

  public boolean matches(AuditEvent e) {
    return (subject == null || subject.equals(e.subject()))
        && (actor == null || actor.equals(e.actor()))
        && (kind == null || kind == AuditKind.of(e.action()));
  }
}
