package dev.keyturn.heroku;

/**
 * Heroku's request budget ({@code RateLimit-Remaining}) is too low to start more work, or Heroku
 * kept answering 429 through every retry. Callers stop early and report what they did not do.
 */
public class RateLimitLowException extends HerokuApiException {

  private final int remaining;

  private RateLimitLowException(
      int status, String id, String message, String method, String path, int remaining) {
    super(status, id, message, method, path, false);
    this.remaining = remaining;
  }

  /** Thrown before a request: the last reading is below the reserve. */
  public static RateLimitLowException budgetLow(int remaining, int reserve) {
    return new RateLimitLowException(
        NO_RESPONSE,
        "rate_limit_low",
        remaining + " requests remaining, reserve " + reserve,
        "-",
        "-",
        remaining);
  }

  /** Heroku answered 429 to every attempt. */
  public static RateLimitLowException exhausted(HerokuApiException last) {
    return new RateLimitLowException(
        last.status(), last.id(), last.herokuMessage(), last.method(), last.path(), 0);
  }

  public int remaining() {
    return remaining;
  }
}
