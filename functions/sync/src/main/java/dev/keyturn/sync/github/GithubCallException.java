package dev.keyturn.sync.github;

/**
 * A GitHub call failed for good (after its retries). Carries the status (0 when no response came)
 * and GitHub's message, never a token or a request body.
 */
public class GithubCallException extends RuntimeException {

  private final int status;

  public GithubCallException(int status, String method, String path, String message) {
    super(
        method
            + " "
            + path
            + " failed: "
            + (status == 0 ? "no response" : "HTTP " + status)
            + (message == null ? "" : " " + message));
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The reason code sync reports: {@code github:<status>}. */
  public String reason() {
    return "github:" + (status == 0 ? "no_response" : String.valueOf(status));
  }
}
