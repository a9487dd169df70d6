package dev.keyturn.rotate.database;

/**
 * None of the credentials setSecret may use logs in (or testSecret's AWSPENDING one does not).
 * Names the secret, which credentials were tried, the user and the server: never a password.
 */
public final class DatabaseLoginException extends RuntimeException {

  private final String secretName;
  private final String tried;

  public DatabaseLoginException(String secretName, String tried, String user, String server) {
    super(
        "secret '"
            + secretName
            + "': cannot log in to "
            + server
            + " as '"
            + user
            + "' with the "
            + tried
            + " credential");
    this.secretName = secretName;
    this.tried = tried;
  }

  public String secretName() {
    return secretName;
  }

  /** Which credentials were tried, e.g. "AWSCURRENT or AWSPREVIOUS". */
  public String tried() {
    return tried;
  }
}
