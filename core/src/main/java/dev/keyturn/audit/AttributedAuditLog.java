package dev.keyturn.audit;

import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.identity.CallerUnknownException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Names the principal AWS says did it on every audit event: the actor becomes the STS {@code
 * GetCallerIdentity} ARN (a Lambda function's role session, an operator's user or role), and the
 * name the service gave (the function's name, {@code keyturn-cli:<os user>}) moves to {@value
 * #HINT}, a self-asserted hint. In Lambda, {@value #EVENT_ID} names the event that triggered the
 * invocation. The identity is asked on the first event (the reader remembers it: see {@code
 * RememberedCallerIdentity}); when STS cannot answer, the event is still recorded with its given
 * actor and {@value #IDENTITY} naming the failure, because losing an audit event is worse than an
 * unattributed one. (Reads by the CLI refuse earlier instead: see {@code AccessAudit}.)
 */
public final class AttributedAuditLog implements AuditLog {

  /** The name the recording service gave itself. */
  public static final String HINT = "actorHint";

  /** The triggering event's id (EventBridge event, rotation token, Function URL request). */
  public static final String EVENT_ID = "eventId";

  /** Present only when the principal could not be learnt: the failure's name. */
  public static final String IDENTITY = "identity";

  private final AuditLog delegate;
  private final CallerIdentityReader identity;
  private final Supplier<String> eventId;

  /**
   * @param eventId the current invocation's triggering event id, or null outside one
   */
  public AttributedAuditLog(
      AuditLog delegate, CallerIdentityReader identity, Supplier<String> eventId) {
    this.delegate = delegate;
    this.identity = identity;
    this.eventId = eventId;
  }

  /**
   * The principal, asked of STS on first use.
   *
   * @throws CallerUnknownException when STS cannot answer
   */
  public String principal() {
    return identity.current().arn();
  }

  @Override
  public void record(AuditEvent event) {
    delegate.record(attributed(event));
  }

  @Override
  public void recordAll(List<AuditEvent> events) {
    delegate.recordAll(events.stream().map(this::attributed).toList());
  }

  private AuditEvent attributed(AuditEvent e) {
    Map<String, String> detail = new LinkedHashMap<>(e.detail());
    String actor = e.actor();
    try {
      actor = principal();
      if (e.actor() != null && !e.actor().equals(actor)) {
        detail.putIfAbsent(HINT, e.actor());
      }
    } catch (CallerUnknownException unknown) {
      detail.put(IDENTITY, "unresolved:" + unknown.error());
    }
    String event = eventId.get();
    if (event != null && !event.isBlank()) {
      detail.putIfAbsent(EVENT_ID, event);
    }
    return new AuditEvent(
        e.at(), actor, e.action(), e.subject(), e.outcome(), e.versionIds(), detail);
  }

  @Override
  public List<AuditEvent> since(java.time.Instant since, String subject, int limit) {
    return delegate.since(since, subject, limit);
  }
}
