package dev.keyturn.heroku;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the Heroku Platform API.
 *
 * @param baseUrl {@code HEROKU_API_URL}, default {@code https://api.heroku.com}
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for each response (every call has one)
 * @param retry backoff for 429, 5xx and timeouts
 * @param rateLimitReserve {@code RateLimit-Remaining} below which no new work starts
 * @param remainingTime how long the caller may still run: a retry (and the {@code Retry-After} wait
 *     before it) is made only when it can finish in that time
 */
public record HerokuSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    int rateLimitReserve,
    RemainingTime remainingTime) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.heroku.com");

  /** Settings without a known deadline (the CLI, tools). */
  public HerokuSettings(
      URI baseUrl,
      Duration connectTimeout,
      Duration requestTimeout,
      RetryPolicy retry,
      int rateLimitReserve) {
    this(baseUrl, connectTimeout, requestTimeout, retry, rateLimitReserve, RemainingTime.UNKNOWN);
  }

  public HerokuSettings {
    if (remainingTime == null) {
      remainingTime = RemainingTime.UNKNOWN;
    }
    String url = baseUrl.toString();
    if (url.endsWith("/")) {
      baseUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }

  /** Production defaults: 3 s to connect, 10 s per response, 4 attempts, reserve 50 requests. */
  public static HerokuSettings defaults(URI baseUrl) {
    return new HerokuSettings(
        baseUrl, Duration.ofSeconds(3), Duration.ofSeconds(10), RetryPolicy.DEFAULT, 50);
  }

  /** These settings, bounded by the caller's remaining time. */
  public HerokuSettings withRemainingTime(RemainingTime time) {
    return new HerokuSettings(
        baseUrl, connectTimeout, requestTimeout, retry, rateLimitReserve, time);
  }
}
