package dev.keyturn.state;

import java.time.Instant;

/**
 * A vendor-issued credential held by one secret version (see {@link CredentialLedger}).
 *
 * @param secretName the inventory entry
 * @param versionId the Secrets Manager version that holds (or was to hold) the credential
 * @param vendor the generator type that issued it; null for a credential keyturn did not issue
 *     (only retired)
 * @param credentialId the vendor's id of the credential; null while it is being issued
 * @param issuingAt when keyturn first asked the vendor; null when keyturn did not issue it
 * @param issuedAt when the vendor last answered with a credential for this version
 * @param deactivatedAt when it was deactivated, or null
 * @param retiredAt when it was retired, or null
 */
public record CredentialRecord(
    String secretName,
    String versionId,
    String vendor,
    String credentialId,
    Instant issuingAt,
    Instant issuedAt,
    Instant deactivatedAt,
    Instant retiredAt) {

  /** Where the credential's life stands, from the latest thing that happened to it. */
  public enum Status {
    /** The vendor was asked; whether it issued anything is unknown. */
    ISSUING,
    ISSUED,
    DEACTIVATED,
    RETIRED
  }

  public Status status() {
    if (retiredAt != null) {
      return Status.RETIRED;
    }
    if (deactivatedAt != null) {
      return Status.DEACTIVATED;
    }
    return issuedAt != null ? Status.ISSUED : Status.ISSUING;
  }
}
