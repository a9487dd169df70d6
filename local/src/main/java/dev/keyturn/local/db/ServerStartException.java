package dev.keyturn.local.db;

/** A database server did not start, did not answer, or refused an administrative step. */
public final class ServerStartException extends RuntimeException {

  public ServerStartException(String server, String reason) {
    super(server + ": " + reason);
  }

  public ServerStartException(String server, String reason, Throwable cause) {
    super(server + ": " + reason, cause);
  }
}
