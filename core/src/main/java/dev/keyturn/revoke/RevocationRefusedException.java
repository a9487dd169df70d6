package dev.keyturn.revoke;

/**
 * A revocation that would break the secret or names nothing: the live version, a rotation in
 * flight, or a version the secret does not have. Carries names and ids, never a value.
 */
public final class RevocationRefusedException extends RuntimeException {

  private final String secretName;

  public RevocationRefusedException(String secretName, String message) {
    super(message);
    this.secretName = secretName;
  }

  public String secretName() {
    return secretName;
  }
}
