package dev.keyturn.rotate.sender.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.heroku.TokenProvider;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two repository-webhook calls the rotate function makes, over the JDK HttpClient: {@code PATCH
 * /repos/{owner}/{repo}/hooks/{id}/config} with {@code secret}, and {@code GET
 * /repos/{owner}/{repo}/hooks/{id}}. GitHub's media type and API version, the token (read again
 * once on 401), a timeout per attempt and backoff with jitter on 5xx and timeouts (both calls may
 * be repeated: the PATCH sets the same secret again). A rate limit (403/429) or any other error is
 * thrown at once, naming status, method and path; the rotation's retry tries again later.
 */
public final class GithubHooksApi {

  static final String ACCEPT = "application/vnd.github+json";
  static final String API_VERSION = "2022-11-28";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Logger LOG = LoggerFactory.getLogger(GithubHooksApi.class);

  private final HttpClient http;
  private final URI baseUrl;
  private final TokenProvider token;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final RandomGenerator random;

  public GithubHooksApi(
      HttpClient http,
      URI baseUrl,
      TokenProvider token,
      Duration requestTimeout,
      RetryPolicy retry,
      RandomGenerator random) {
    String url = baseUrl.toString();
    this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.http = http;
    this.token = token;
    this.requestTimeout = requestTimeout;
    this.retry = retry;
    this.random = random;
  }

  /** A hook as GitHub lists it: its delivery URL and when it last changed. */
  public record Hook(long id, String url, String updatedAt) {}

  /** Sets the secret GitHub signs the hook's deliveries with; returns nothing GitHub echoes. */
  public void updateSecret(String repo, long hookId, String secret) {
    send(
        "PATCH", hookPath("PATCH", repo, hookId) + "/config", Json.write(Map.of("secret", secret)));
  }

  public Hook hook(String repo, long hookId) {
    JsonNode h = Json.tree(send("GET", hookPath("GET", repo, hookId), null));
    return new Hook(
        h.path("id").asLong(),
        h.path("config").path("url").asText(null),
        h.path("updated_at").asText(null));
  }

  /** {@code owner/name} and the id only: nothing that could bend the path. */
  static String hookPath(String method, String repo, long hookId) {
    String[] parts = repo == null ? new String[0] : repo.split("/", -1);
    if (parts.length != 2
        || !SEGMENT.matcher(parts[0]).matches()
        || !SEGMENT.matcher(parts[1]).matches()
        || hookId <= 0) {
      throw new GithubHookException(0, "invalid_binding", method, "/repos/" + repo);
    }
    return "/repos/" + parts[0] + "/" + parts[1] + "/hooks/" + hookId;
  }

  private String send(String method, String path, String body) {
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = attempt(method, path, body);
      if (r != null && r.statusCode() == 401 && !refreshed) {
        token.refresh();
        refreshed = true;
        attempt--;
        continue;
      }
      if (r != null && r.statusCode() >= 200 && r.statusCode() < 300) {
        return r.body();
      }
      boolean retryable = r == null || r.statusCode() >= 500;
      String reason = r == null ? "no_response" : "http_" + r.statusCode();
      if (!retryable || attempt >= retry.maxAttempts()) {
        throw new GithubHookException(r == null ? 0 : r.statusCode(), reason, method, path);
      }
      Duration wait = retry.delayAfter(attempt, random);
      LOG.info(
          "github {} {} attempt {} got {}; retrying in {} ms",
          method,
          path,
          attempt,
          reason,
          wait.toMillis());
      sleep(wait, method, path);
    }
  }

  private HttpResponse<String> attempt(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
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
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException noAnswer) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GithubHookException(0, "interrupted", method, path);
    }
  }

  private static void sleep(Duration wait, String method, String path) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GithubHookException(0, "interrupted", method, path);
    }
  }
}
