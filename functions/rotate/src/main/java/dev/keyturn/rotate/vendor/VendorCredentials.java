package dev.keyturn.rotate.vendor;

import java.util.Map;

/**
 * A credential that only its vendor can issue (an IAM access key, a Heroku OAuth authorization),
 * rotated the way that never leaves a consumer without a working credential: issue a second one
 * next to the current one (createSecret), prove it with a read-only call (testSecret), and once the
 * rotation is {@code confirmed} (every consumer uses the new one) retire the old one for good (the
 * rotation life cycle, through {@code CredentialRetirement}; finishSecret stops nothing). One
 * adapter class per credential type; it alone speaks to the vendor.
 *
 * <p>Every operation may be repeated: Secrets Manager and Lambda retry steps, and the SDKs retry
 * calls whose answers were lost.
 */
public interface VendorCredentials {

  /** The inventory {@code generator.type} whose secrets this adapter serves. */
  String generatorType();

  /**
   * createSecret: a new credential at the vendor, next to the current one (which keeps working).
   * Before the call that creates it, call {@link IssueJournal#issuing()}; as soon as the vendor has
   * answered, {@link IssueJournal#issued(String)}. When {@link IssueJournal#askedBefore()} an
   * earlier attempt for the same version may have left a credential nobody holds: find it and
   * remove it (or refuse, naming it) before issuing another.
   *
   * @return the new credential's vendor id and the value to store as AWSPENDING
   * @throws VendorCallException when the vendor refuses or cannot be reached
   */
  IssuedCredential issue(IssueRequest request);

  /**
   * testSecret: a read-only call authenticated by {@code value}, proving it works for the account
   * it should.
   *
   * @throws VendorCallException when the vendor does not accept it
   */
  void test(String secretName, Map<String, String> options, String value);

  /**
   * Removes the old credential at the vendor for good. Already gone counts as done.
   *
   * @throws VendorCallException when the vendor refuses or cannot be reached
   */
  void retire(Superseded old);

  /**
   * The vendor's id of the credential a stored value holds (never its secret part).
   *
   * @throws dev.keyturn.rotate.generator.MalformedSecretValueException when the value has not the
   *     shape of this type
   */
  String credentialId(String value);
}
