package dev.keyturn.state;

import java.util.List;

/** Secret versions an operator revoked, one record per secret and version. */
public interface RevocationStore {

  /**
   * Records a revocation. A record for the same secret and version already there is kept (its time
   * is the first revocation's), so revoking twice is harmless.
   */
  void recordRevocation(Revocation revocation);

  /** Every revocation of the secret, newest first. */
  List<Revocation> revocations(String secretName);
}
