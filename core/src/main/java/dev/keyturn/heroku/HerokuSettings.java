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
 */
public record HerokuSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    int rateLimitReserve) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.heroku.com");

  public HerokuSettings {
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
}
