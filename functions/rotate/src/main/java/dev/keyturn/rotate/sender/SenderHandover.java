package dev.keyturn.rotate.sender;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.protocol.ErrorNames;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.SenderPush;
import dev.keyturn.state.SenderPushStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a rotated webhook secret to its sender: pushes the new current version once, records the
 * push ({@link SenderPushStore}), audits it ({@value #ACTION}; names, target and version, never the
 * value) and says what it did.
 *
 * <p>Once per version: a recorded push is never sent again, so a retried finishSecret costs no
 * sender call. A crash between the push and its record makes the retry push the same value once
 * more, which the sender takes as no change. The value is read by version <em>and</em> AWSCURRENT,
 * so a version that a newer rotation has replaced is never pushed.
 */
public final class SenderHandover {

  static final String ACTION = "webhook.sender.push";
  private static final Logger LOG = LoggerFactory.getLogger(SenderHandover.class);

  private final WebhookSenders senders;
  private final SecretStages secrets;
  private final SenderPushStore pushes;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  public SenderHandover(
      WebhookSenders senders,
      SecretStages secrets,
      SenderPushStore pushes,
      AuditLog audit,
      Clock clock,
      String actor) {
    this.senders = senders;
    this.secrets = secrets;
    this.pushes = pushes;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * Pushes {@code versionId} of the source's secret to its sender, unless that push is recorded.
   *
   * @param secretId the Secrets Manager id of the source's secret (what the rotation event named)
   * @throws SenderPushException (audited as failed) when the sender refuses or does not answer
   */
  public HandoverResult handOver(WebhookEntry source, String secretId, String versionId) {
    Optional<SenderBinding> binding = source.senderBinding();
    if (binding.isEmpty()) {
      return result(source, null, versionId, HandoverResult.Outcome.NO_SENDER);
    }
    SenderBinding b = binding.get();
    if (pushes.push(source.source(), versionId).isPresent()) {
      return result(source, b, versionId, HandoverResult.Outcome.ALREADY_PUSHED);
    }
    Optional<String> value = secrets.value(secretId, versionId, Stages.CURRENT);
    if (value.isEmpty()) {
      audit.record(event(source, b, versionId, clock.instant(), "superseded", Map.of()));
      return result(source, b, versionId, HandoverResult.Outcome.SUPERSEDED);
    }
    try {
      senders.forBinding(b).push(b, value.get());
      Instant at = clock.instant();
      pushes.recordPush(
          new SenderPush(source.source(), source.secret(), versionId, b.target(), at));
      audit.record(event(source, b, versionId, at, "pushed", Map.of()));
    } catch (RuntimeException failed) {
      String error = ErrorNames.describe(failed);
      try {
        audit.record(
            event(source, b, versionId, clock.instant(), "failed", Map.of("error", error)));
      } catch (RuntimeException auditFailed) {
        failed.addSuppressed(auditFailed);
      }
      LOG.error(
          "sender push of {} version {} to {} failed: {}",
          source.secret(),
          versionId,
          b.target(),
          error);
      throw failed;
    }
    return result(source, b, versionId, HandoverResult.Outcome.PUSHED);
  }

  private HandoverResult result(
      WebhookEntry source, SenderBinding b, String versionId, HandoverResult.Outcome outcome) {
    String target = b == null ? null : b.target();
    if (b != null) {
      LOG.info(
          "sender handover of {} version {} to {}: {}",
          source.secret(),
          versionId,
          target,
          outcome.name().toLowerCase(java.util.Locale.ROOT));
    }
    return new HandoverResult(source.source(), target, versionId, outcome);
  }

  private AuditEvent event(
      WebhookEntry source,
      SenderBinding b,
      String versionId,
      Instant at,
      String outcome,
      Map<String, String> extra) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("source", source.source());
    detail.put("sender", b.kind());
    detail.put("target", b.target());
    detail.putAll(extra);
    return AuditEvent.of(at, actor, ACTION, source.secret(), outcome)
        .withVersions(List.of(versionId))
        .withDetail(detail);
  }
}
