package dev.keyturn.rotate.database;

/**
 * A database or cache server could not be reached or did not complete a login (network, TLS,
 * timeout, server error). Names the server and a code (SQL state, error type), never a message or a
 * credential.
 */
public final class DatabaseUnavailableException extends RuntimeException {

  private final String server;
  private final String code;

  public DatabaseUnavailableException(String engine, String host, int port, String code) {
    super(engine + " at " + host + ":" + port + " is unavailable (" + code + ")");
    this.server = engine + "@" + host + ":" + port;
    this.code = code;
  }

  public String server() {
    return server;
  }

  public String code() {
    return code;
  }
}
