package dev.keyturn.rotate.database;

/**
 * The master secret of an alternating-users secret ({@code masterarn}) cannot be read or used.
 * Names the secret and the master's ARN (an id), never a value.
 */
public final class MasterSecretException extends RuntimeException {

  private final String secretName;
  private final String masterArn;

  public MasterSecretException(String secretName, String masterArn, String problem) {
    super("secret '" + secretName + "': master secret " + masterArn + " " + problem);
    this.secretName = secretName;
    this.masterArn = masterArn;
  }

  public String secretName() {
    return secretName;
  }

  public String masterArn() {
    return masterArn;
  }
}
