package dev.keyturn.sync.github;

import dev.keyturn.sync.sink.SecretToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one GitHub REST call: the REST media type and API version, the token (read again once on
 * 401), a timeout per attempt, backoff with jitter on 5xx and timeouts (every call keyturn makes is
 * idempotent: GET, PUT of a value, DELETE), and GitHub's rate limits: {@code x-ratelimit-remaining}
 * is remembered so no call starts below the reserve, and a 403/429 limit is waited out only when
 * its {@code retry-after} (or the primary reset) fits in {@link GithubSettings#maxRetryAfter()};
 * otherwise {@link GithubRateLimitedException}.
 */
final class GithubTransport {

  static final String ACCEPT = "application/vnd.github+json";
  static final String API_VERSION = "2022-11-28";
  private static final Logger LOG = LoggerFactory.getLogger(GithubTransport.class);

  record Response(int status, String body) {}

  private final HttpClient http;
  private final GithubSettings settings;
  private final SecretToken token;
  private final Clock clock;
  private final RandomGenerator random;
  private volatile long remaining = -1;

  GithubTransport(
      HttpClient http, GithubSettings settings, SecretToken token, Clock clock, RandomGenerator r) {
    this.http = http;
    this.settings = settings;
    this.token = token;
    this.clock = clock;
    this.random = r;
  }

  /**
   * Refuses to start {@code calls} more when the last known budget would drop below the reserve.
   */
  void ensureBudget(int calls) {
    long left = remaining;
    if (left >= 0 && left - calls < settings.rateLimitReserve()) {
      throw new GithubRateLimitedException("github:rate_limit_low:" + left);
    }
  }

  /** The response for any status below 500 that is not a rate limit (2xx, 404, 422, ...). */
  Response send(String method, String path, String body) {
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = attempt(method, path, body);
      if (r != null && r.statusCode() == 401 && !refreshed) {
        token.refresh();
        refreshed = true;
        attempt--;
        continue;
      }
      if (r != null && r.statusCode() < 500 && !rateLimited(r)) {
        return new Response(r.statusCode(), r.body());
      }
      Duration wait;
      if (r != null && rateLimited(r)) {
        wait = limitWait(r);
        if (wait.compareTo(settings.maxRetryAfter()) > 0
            || attempt >= settings.retry().maxAttempts()) {
          throw new GithubRateLimitedException(limitReason(r, wait));
        }
      } else {
        if (attempt >= settings.retry().maxAttempts()) {
          throw new GithubCallException(r == null ? 0 : r.statusCode(), method, path, null);
        }
        wait = settings.retry().delayAfter(attempt, random);
      }
      LOG.info(
          "github {} {} attempt {} got {}; retrying in {} ms",
          method,
          path,
          attempt,
          r == null ? "no response" : r.statusCode(),
          wait.toMillis());
      sleep(wait);
    }
  }

  private HttpResponse<String> attempt(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(settings.requestTimeout())
            .header("Accept", ACCEPT)
            .header("X-GitHub-Api-Version", API_VERSION)
            .header("Authorization", "Bearer " + token.token())
            .header("User-Agent", "keyturn");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      observe(r.headers());
      return r;
    } catch (HttpTimeoutException | ConnectException e) {
      return null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GithubCallException(0, method, path, "interrupted");
    }
  }

  private void observe(HttpHeaders headers) {
    long left = number(headers, "x-ratelimit-remaining").orElse(-1);
    if (left >= 0) {
      remaining = left;
    }
  }

  /** GitHub's limits: 403/429 with retry-after, with no budget left, or saying so. */
  private static boolean rateLimited(HttpResponse<String> r) {
    int s = r.statusCode();
    if (s != 403 && s != 429) {
      return false;
    }
    return s == 429
        || r.headers().firstValue("retry-after").isPresent()
        || number(r.headers(), "x-ratelimit-remaining").orElse(1) == 0
        || (r.body() != null && r.body().contains("rate limit"));
  }

  /**
   * GitHub's documented order: {@code retry-after}; at zero remaining, until {@code
   * x-ratelimit-reset}; otherwise (a secondary limit without a hint) at least a minute.
   */
  private Duration limitWait(HttpResponse<String> r) {
    OptionalLong retryAfter = number(r.headers(), "retry-after");
    if (retryAfter.isPresent()) {
      return Duration.ofSeconds(retryAfter.getAsLong());
    }
    if (number(r.headers(), "x-ratelimit-remaining").orElse(1) == 0) {
      long reset = number(r.headers(), "x-ratelimit-reset").orElse(0);
      return Duration.ofSeconds(Math.max(0, reset - clock.instant().getEpochSecond()));
    }
    return Duration.ofMinutes(1);
  }

  private static String limitReason(HttpResponse<String> r, Duration wait) {
    boolean primary = number(r.headers(), "x-ratelimit-remaining").orElse(1) == 0;
    return (primary ? "github:rate_limit:" : "github:secondary_rate_limit:")
        + r.statusCode()
        + ":retry_after_"
        + wait.toSeconds()
        + "s";
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    try {
      return headers
          .firstValue(name)
          .map(v -> OptionalLong.of(Long.parseLong(v.strip())))
          .orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GithubRateLimitedException("interrupted");
    }
  }
}
