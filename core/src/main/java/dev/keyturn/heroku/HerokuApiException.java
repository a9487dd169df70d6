package dev.keyturn.heroku;

/**
 * A Heroku Platform API call failed. Carries Heroku's own error {@code id} and {@code message} (or
 * a keyturn code such as {@code timeout} when no response arrived), the method and the path. Never
 * a token or a request body: bodies carry config var values.
 */
public class HerokuApiException extends RuntimeException {

  /** Status used when no HTTP response arrived (timeout, connection failure). */
  public static final int NO_RESPONSE = 0;

  private final int status;
  private final String id;
  private final String herokuMessage;
  private final String method;
  private final String path;
  private final boolean unsettled;

  public HerokuApiException(
      int status, String id, String herokuMessage, String method, String path, boolean unsettled) {
    super(method + " " + path + " failed: " + describe(status, id, herokuMessage));
    this.status = status;
    this.id = id;
    this.herokuMessage = herokuMessage;
    this.method = method;
    this.path = path;
    this.unsettled = unsettled;
  }

  public HerokuApiException(
      int status, String id, String herokuMessage, String method, String path) {
    this(status, id, herokuMessage, method, path, false);
  }

  private static String describe(int status, String id, String message) {
    String code = status == NO_RESPONSE ? "no response" : "HTTP " + status;
    return code + " " + id + (message == null || message.isBlank() ? "" : ": " + message);
  }

  public int status() {
    return status;
  }

  /** Heroku's error id, e.g. {@code not_found}, {@code rate_limit}; or {@code timeout}. */
  public String id() {
    return id;
  }

  public String herokuMessage() {
    return herokuMessage;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /**
   * True when a request that changes state may or may not have been applied (a timeout or a 5xx
   * after the request was sent): the caller must look before sending it again.
   */
  public boolean unsettled() {
    return unsettled;
  }
}
