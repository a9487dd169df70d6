package dev.keyturn.rotate.refusal;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.RotationPrecheck;
import dev.keyturn.state.LastRotation;
import dev.keyturn.state.RotationOverrideStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard for vendor-issued credentials ({@code aws-iam-access-key}, {@code
 * heroku-authorization}): a rotation is refused while the entry's last rotation is completed but
 * has not reached {@code confirmed} ({@link UnconfirmedCheck}), because its createSecret retires
 * the credential that rotation replaced, which a consumer may still use. Once the last rotation is
 * {@code confirmed} the rotation goes ahead, also within the retire grace: confirmation is the
 * rule, the grace only paces the life cycle's own retire step. {@code keyturn rotate NAME --force}
 * overrides it once (the same one-shot {@link RotationOverrideStore} override as {@link
 * SenderRefusal}).
 *
 * <p>Calls: none for an entry that is not vendor-issued; one {@code RotationStore.latest} read for
 * one that is; only when it would refuse, one override take. A refusal is audited ({@code
 * rotation.refused}, the reason naming the last version and its stage) and counted ({@code
 * RotationsRefused}); a forced rotation is audited ({@code rotation.forced}, outcome {@code
 * refusal-overridden}).
 */
public final class UnconfirmedRefusal implements RotationPrecheck {

  private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedRefusal.class);

  private final UnconfirmedCheck check;
  private final Refusals refusals;

  public UnconfirmedRefusal(
      UnconfirmedCheck check,
      RotationOverrideStore overrides,
      AuditLog audit,
      Metrics metrics,
      Clock clock,
      String actor) {
    this.check = check;
    this.refusals = new Refusals(overrides, audit, metrics, clock, actor);
  }

  @Override
  public void check(SecretEntry entry, Rotation rotation) {
    Optional<LastRotation> unconfirmed = check.unconfirmed(entry);
    if (unconfirmed.isEmpty()) {
      return;
    }
    LastRotation last = unconfirmed.get();
    Instant now = refusals.now();
    String stage = last.run().stage().label();
    String reason = reason(last, now);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("lastRotation", last.versionId());
    facts.put("stage", stage);
    refusals.refuseUnlessForced(
        LOG,
        entry,
        rotation,
        now,
        reason,
        facts,
        () -> new RotationUnconfirmedException(entry.name(), last.versionId(), stage, reason));
  }

  /**
   * E.g. "the last rotation (version v2) is published (2h ago), not yet confirmed: ...". Also what
   * {@code keyturn status} prints, so the guard and status say the same.
   */
  public static String reason(LastRotation last, Instant now) {
    return "the last rotation (version "
        + last.versionId()
        + ") is "
        + last.run().stage().label()
        + " ("
        + SenderLag.ago(Duration.between(last.run().stageSince(), now))
        + "), not yet confirmed: its consumers may still use the credential this rotation would"
        + " retire";
  }
}
