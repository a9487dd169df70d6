package dev.keyturn.sync.cloudflare;

import dev.keyturn.heroku.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach Cloudflare's API.
 *
 * @param baseUrl {@code CLOUDFLARE_API_URL}, default {@code https://api.cloudflare.com/client/v4}
 * @param retry backoff for 5xx and timeouts
 * @param maxRetryAfter the longest 429 {@code Retry-After} worth waiting for within one sync;
 *     longer, and the target is deferred
 */
public record CloudflareSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    Duration maxRetryAfter) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.cloudflare.com/client/v4");

  public CloudflareSettings {
    String url = baseUrl.toString();
    if (url.endsWith("/")) {
      baseUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }
}
