package dev.keyturn.webhook.verify;

import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.util.Objects;

/**
 * A verified delivery and the version of the secret its signature matched: what a sighting records.
 * Carries the version's id, never its value.
 *
 * @param verified the scheme's result
 * @param versionId the Secrets Manager version id (or SSM parameter version) that signed it
 */
public record MatchedDelivery(Verified verified, String versionId) {

  public MatchedDelivery {
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(versionId, "versionId");
  }
}
