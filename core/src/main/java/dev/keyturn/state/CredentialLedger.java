package dev.keyturn.state;

import java.time.Instant;
import java.util.Optional;

/**
 * What keyturn asked vendors to issue and to retire: one record per secret version that holds a
 * vendor-issued credential. Ids only (an IAM access key id, a Heroku authorization id), never a
 * credential's secret part. Every write is a plain update, so repeating one is harmless.
 *
 * <p>Why it exists: a vendor call that issued a credential may be followed by a crash before the
 * value is stored. {@link #issuing} is written before the vendor is asked, so the next attempt
 * knows a credential may exist for that version that nobody holds, and the vendor adapter can find
 * and remove it. Retirement is recorded here as well, so the life cycle can see what is still to be
 * retired.
 */
public interface CredentialLedger {

  /**
   * Before keyturn asks the vendor to issue a credential for this version. The first time is kept;
   * a repeat only says the attempt was made again.
   */
  void issuing(String secretName, String versionId, String vendor, Instant at);

  /** The vendor issued the credential {@code credentialId} for this version. */
  void issued(String secretName, String versionId, String credentialId, Instant at);

  /**
   * The credential of this version no longer authenticates but could be turned back on. No rotation
   * step deactivates any more (the life cycle retires); kept so records written before stay
   * readable and writable.
   */
  void deactivated(String secretName, String versionId, String credentialId, Instant at);

  /** The credential of this version is gone at the vendor. */
  void retired(String secretName, String versionId, String credentialId, Instant at);

  /** The record of one version, if keyturn issued, deactivated or retired its credential. */
  Optional<CredentialRecord> credential(String secretName, String versionId);
}
