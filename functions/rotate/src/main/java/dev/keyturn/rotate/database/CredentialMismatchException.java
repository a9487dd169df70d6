package dev.keyturn.rotate.database;

/**
 * The AWSPENDING value does not belong with the AWSCURRENT one (another user than the rotation may
 * set, or another host): setSecret refuses, as AWS's templates do, so a tampered pending value
 * cannot make the function change an arbitrary user's password. Names users and hosts only.
 */
public final class CredentialMismatchException extends RuntimeException {

  private final String secretName;

  public CredentialMismatchException(String secretName, String problem) {
    super("secret '" + secretName + "': " + problem);
    this.secretName = secretName;
  }

  public String secretName() {
    return secretName;
  }
}
