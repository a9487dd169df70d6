package dev.keyturn.revoke;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.Revocation;
import dev.keyturn.state.RevocationStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evicts a secret version now ({@code keyturn revoke}): takes every stage label off it, so no
 * reader of live versions (the webhook's AWSCURRENT/AWSPENDING/AWSPREVIOUS) sees it any more, then
 * records the revocation in the table and audits it. Webhook containers drop the version at their
 * next read, within {@code keyturn.webhook.secret-ttl}.
 *
 * <p>Guards first: AWSCURRENT is never revoked (rotate instead: the value every consumer uses would
 * vanish) nor AWSPENDING (a rotation is in flight; let it finish or cancel it). Revoking a version
 * already revoked is harmless: nothing is removed and the first record stays.
 */
public final class SecretRevoker {

  public static final String ACTION = "secret.revoked";

  private final SecretStages secrets;
  private final RevocationStore revocations;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  public SecretRevoker(
      SecretStages secrets,
      RevocationStore revocations,
      AuditLog audit,
      Clock clock,
      String actor) {
    this.secrets = secrets;
    this.revocations = revocations;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * Revokes {@code versionId}, or the AWSPREVIOUS version when it is null.
   *
   * @param secretName the inventory entry's name (for the record and the audit trail)
   * @param secretId the Secrets Manager secret's name or ARN
   * @throws RevocationRefusedException for AWSCURRENT, AWSPENDING, or a version the secret lacks
   */
  public Revocation revoke(String secretName, String secretId, String versionId) {
    SecretDescription secret = secrets.require(secretId);
    String version = versionId != null ? versionId : previous(secretName, secret);
    List<String> stages = secret.stagesOf(version);
    guard(secretName, version, stages);
    if (stages.isEmpty() && !alreadyRevoked(secretName, version)) {
      throw new RevocationRefusedException(
          secretName, secretName + " has no labelled version " + version);
    }
    // every label, not only AWSPREVIOUS: a custom label would keep the value reachable
    stages.forEach(stage -> secrets.removeStage(secretId, stage, version));
    Revocation revocation = new Revocation(secretName, version, stages, actor, clock.instant());
    revocations.recordRevocation(revocation);
    audit.record(
        AuditEvent.of(
                revocation.revokedAt(),
                actor,
                ACTION,
                secretName,
                stages.isEmpty() ? "already-revoked" : "revoked")
            .withVersions(List.of(version))
            .withDetail(Map.of("removedStages", String.join(",", stages))));
    return revocation;
  }

  private static String previous(String secretName, SecretDescription secret) {
    Optional<String> previous = secret.versionWith(Stages.PREVIOUS);
    return previous.orElseThrow(() ->
        new RevocationRefusedException(
            secretName, secretName + " has no AWSPREVIOUS version to revoke"));
  }

  private static void guard(String secretName, String version, List<String> stages) {
    for (String live : List.of(Stages.CURRENT, Stages.PENDING)) {
      if (stages.contains(live)) {
        throw new RevocationRefusedException(
            secretName,
            "refusing to revoke "
                + version
                + " of "
                + secretName
                + ": it is "
                + live
                + (live.equals(Stages.CURRENT) ? " (rotate first)" : " (a rotation is in flight)"));
      }
    }
  }

  private boolean alreadyRevoked(String secretName, String version) {
    return revocations.revocations(secretName).stream()
        .anyMatch(r -> r.versionId().equals(version));
  }
}
