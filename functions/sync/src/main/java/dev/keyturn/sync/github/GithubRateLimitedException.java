package dev.keyturn.sync.github;

/**
 * GitHub's rate limit stops this sync: the primary budget is (nearly) spent, or a secondary limit
 * asks to wait longer than a sync may. The target is deferred, never half-applied unreported.
 */
public class GithubRateLimitedException extends RuntimeException {

  private final String reason;

  public GithubRateLimitedException(String reason) {
    super("GitHub rate limit: " + reason);
    this.reason = reason;
  }

  /** e.g. {@code github:rate_limit_low:42}, {@code github:secondary_rate_limit:retry_after_60s}. */
  public String reason() {
    return reason;
  }
}
