package dev.keyturn.sync.github;

import dev.keyturn.heroku.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach the GitHub REST API.
 *
 * @param baseUrl {@code GITHUB_API_URL}, default {@code https://api.github.com}
 * @param retry backoff for 5xx and timeouts
 * @param maxRetryAfter the longest {@code retry-after} (secondary limit) or primary-limit reset
 *     worth waiting for within one sync; longer, and the target is deferred to a later run
 * @param rateLimitReserve {@code x-ratelimit-remaining} below which no new call starts
 */
public record GithubSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    Duration maxRetryAfter,
    int rateLimitReserve) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.github.com");

  public GithubSettings {
    String url = baseUrl.toString();
    if (url.endsWith("/")) {
      baseUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }

  public static GithubSettings defaults(URI baseUrl) {
    return new GithubSettings(
        baseUrl,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        RetryPolicy.DEFAULT,
        Duration.ofSeconds(10),
        100);
  }
}
