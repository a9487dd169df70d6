package dev.keyturn.sync.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.http.LazyHttpClient;
import dev.keyturn.json.Json;
import dev.keyturn.sync.sink.SecretToken;
import dev.keyturn.sync.sink.SinkCallException;
import dev.keyturn.sync.sink.SinkDeferredException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cloudflare's Workers secrets API: list ({@code GET .../secrets}), create-or-update ({@code PUT
 * .../secrets} with {@code {name, text, type: "secret_text"}}) and delete, under {@code
 * Authorization: Bearer}. Every answer is the v4 envelope {@code {success, errors, messages,
 * result}}; {@code success: false} is a failure whatever the status. 5xx and timeouts are retried
 * with jitter (each call is idempotent); a 429 is waited out when its {@code Retry-After} fits,
 * else {@link SinkDeferredException}; a 401 reads the token again once.
 */
public final class CloudflareApi {

  private static final Logger LOG = LoggerFactory.getLogger(CloudflareApi.class);

  private final HttpClient http;
  private final CloudflareSettings settings;
  private final SecretToken token;
  private final RandomGenerator random;

  public CloudflareApi(CloudflareSettings settings, SecretToken token, RandomGenerator random) {
    this.http =
        LazyHttpClient.of(
            HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1));
    this.settings = settings;
    this.token = token;
    this.random = random;
  }

  /** The script's secret names. */
  List<String> secretNames(String account, String script) {
    JsonNode result = send("GET", path(account, script), null);
    List<String> names = new ArrayList<>();
    result.forEach(s -> names.add(s.path("name").asText()));
    return names;
  }

  void put(String account, String script, String name, String value) {
    send(
        "PUT",
        path(account, script),
        Json.write(Map.of("name", name, "text", value, "type", "secret_text")));
  }

  /** Deletes a secret; one already gone (404) counts as deleted. */
  void delete(String account, String script, String name) {
    send("DELETE", path(account, script) + "/" + segment(name), null);
  }

  private static String path(String account, String script) {
    return "/accounts/" + segment(account) + "/workers/scripts/" + segment(script) + "/secrets";
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, String body) {
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = attempt(method, path, body);
      int status = r == null ? 0 : r.statusCode();
      if (status == 401 && !refreshed) {
        token.refresh();
        refreshed = true;
        attempt--;
        continue;
      }
      if (status == 404 && method.equals("DELETE")) {
        return null;
      }
      if (r != null && status < 500 && status != 429) {
        return result(r, method, path);
      }
      Duration wait = status == 429 ? retryAfter(r) : settings.retry().delayAfter(attempt, random);
      if (status == 429 && wait.compareTo(settings.maxRetryAfter()) > 0) {
        throw new SinkDeferredException(
            "cloudflare:rate_limited:retry_after_" + wait.toSeconds() + "s", List.of());
      }
      if (attempt >= settings.retry().maxAttempts()) {
        throw status == 429
            ? new SinkDeferredException("cloudflare:rate_limited", List.of())
            : new SinkCallException("cloudflare:" + (status == 0 ? "no_response" : status));
      }
      LOG.info("cloudflare {} {} attempt {} got {}; retrying", method, path, attempt, status);
      sleep(wait);
    }
  }

  private HttpResponse<String> attempt(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token.token())
            .header("Accept", "application/json")
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
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkCallException("cloudflare:interrupted");
    }
  }

  /** The envelope's {@code result}; its first error code when {@code success} is not true. */
  private static JsonNode result(HttpResponse<String> r, String method, String path) {
    JsonNode envelope;
    try {
      envelope = Json.tree(r.body());
    } catch (Json.JsonException e) {
      throw new SinkCallException("cloudflare:" + r.statusCode() + ":not_json");
    }
    if (!envelope.path("success").asBoolean(false)) {
      int code = envelope.path("errors").path(0).path("code").asInt(0);
      LOG.warn("cloudflare {} {} failed: {} error {}", method, path, r.statusCode(), code);
      throw new SinkCallException("cloudflare:" + r.statusCode() + ":" + code);
    }
    return envelope.path("result");
  }

  private Duration retryAfter(HttpResponse<String> r) {
    try {
      return r.headers()
          .firstValue("Retry-After")
          .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
          .orElse(Duration.ofSeconds(60));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(60);
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkCallException("cloudflare:interrupted");
    }
  }
}
