package dev.keyturn.rotate.vendor;

import java.util.Optional;

/**
 * What earlier attempts to issue a credential for the same version left behind, and where an
 * adapter records its own attempt (the rotation's credential ledger). Ids only.
 */
public interface IssueJournal {

  /** Whether an earlier attempt for this version got as far as asking the vendor. */
  boolean askedBefore();

  /** The id the vendor issued in an earlier attempt, when it was recorded. */
  Optional<String> issuedBefore();

  /** Call immediately before the vendor call that creates the credential. */
  void issuing();

  /** Call as soon as the vendor has answered with the new credential's id. */
  void issued(String credentialId);
}
