package dev.keyturn.rotate.database;

/**
 * A server refused a change (creating a user, granting, setting a password). Names the server, the
 * operation, the user and the server's error code, never the statement or the server's message
 * (either can carry a password or its hash).
 */
public final class DatabaseCommandException extends RuntimeException {

  private final String operation;
  private final String code;

  public DatabaseCommandException(String server, String operation, String user, String code) {
    super(server + ": " + operation + " for user '" + user + "' failed (" + code + ")");
    this.operation = operation;
    this.code = code;
  }

  public String operation() {
    return operation;
  }

  public String code() {
    return code;
  }
}
