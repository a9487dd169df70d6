package dev.keyturn.rotate.sender.github;

/** A GitHub hook call failed: status (0 without an answer), a reason code, method and path. */
public final class GithubHookException extends RuntimeException {

  private final int status;
  private final String reason;

  public GithubHookException(int status, String reason, String method, String path) {
    super(method + " " + path + " failed: " + reason);
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
