package dev.keyturn.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical call to Heroku: auth and version headers, a timeout on every attempt, one token
 * refresh on 401, and backoff with jitter on 429, 5xx and timeouts. A call that changes state is
 * retried only when Heroku certainly did not apply it (429, no connection); a 5xx or timeout after
 * sending it is reported as unsettled, for the caller to check before sending again.
 */
final class HerokuTransport {

  static final String ACCEPT = "application/vnd.heroku+json; version=3";
  private static final Logger LOG = LoggerFactory.getLogger(HerokuTransport.class);

  private final HttpClient http;
  private final HerokuSettings settings;
  private final TokenProvider tokens;
  private final RateLimitBudget budget;
  private final RandomGenerator random;

  HerokuTransport(
      HttpClient http,
      HerokuSettings settings,
      TokenProvider tokens,
      RateLimitBudget budget,
      RandomGenerator random) {
    this.http = http;
    this.settings = settings;
    this.tokens = tokens;
    this.budget = budget;
    this.random = random;
  }

  /** One request: what, where, and whether repeating it is harmless. */
  record Call(String method, String path, String body, Map<String, String> headers, boolean safe) {

    static Call get(String path, Map<String, String> headers) {
      return new Call("GET", path, null, headers, true);
    }

    static Call change(String method, String path, String body) {
      return new Call(method, path, body, Map.of(), false);
    }

    /** A change whose repeat is harmless (a DELETE: the second finds nothing to delete). */
    static Call idempotentChange(String method, String path) {
      return new Call(method, path, null, Map.of(), true);
    }
  }

  record Response(int status, String body) {}

  Response send(Call call) {
    boolean refreshedToken = false;
    for (int attempt = 1; ; attempt++) {
      Attempt outcome = attempt(call);
      if (outcome.response() != null && outcome.response().statusCode() == 401 && !refreshedToken) {
        tokens.refresh();
        refreshedToken = true;
        attempt--;
        continue;
      }
      if (outcome.response() != null && isSuccess(outcome.response().statusCode())) {
        return new Response(outcome.response().statusCode(), outcome.response().body());
      }
      HerokuApiException failure = outcome.failure(call);
      if (!outcome.retryable(call) || attempt >= settings.retry().maxAttempts()) {
        throw exhausted(failure);
      }
      Duration wait = settings.retry().delayAfter(attempt, random, outcome.retryAfter());
      LOG.info(
          "heroku {} {} attempt {} failed ({} {}); retrying in {} ms",
          call.method(),
          call.path(),
          attempt,
          failure.status(),
          failure.id(),
          wait.toMillis());
      sleep(wait, call);
    }
  }

  private HerokuApiException exhausted(HerokuApiException failure) {
    if (failure.status() == 429) {
      return RateLimitLowException.exhausted(failure);
    }
    return failure;
  }

  private Attempt attempt(Call call) {
    try {
      HttpResponse<String> response =
          http.send(request(call), HttpResponse.BodyHandlers.ofString());
      budget.observe(response.headers());
      LOG.debug("heroku {} {} -> {}", call.method(), call.path(), response.statusCode());
      return new Attempt(response, null);
    } catch (HttpConnectTimeoutException | ConnectException notSent) {
      return new Attempt(null, new NoResponse("connection_failed", "could not connect", false));
    } catch (HttpTimeoutException timedOut) {
      return new Attempt(null, new NoResponse("timeout", "no response in time", true));
    } catch (IOException broken) {
      return new Attempt(null, new NoResponse("connection_failed", "connection broken", true));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new HerokuApiException(
          HerokuApiException.NO_RESPONSE, "interrupted", null, call.method(), call.path());
    }
  }

  private HttpRequest request(Call call) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(java.net.URI.create(settings.baseUrl() + call.path()))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + tokens.token())
            .header("Accept", ACCEPT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "keyturn");
    call.headers().forEach(b::header);
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body());
    return b.method(call.method(), body).build();
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private static void sleep(Duration wait, Call call) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HerokuApiException(
          HerokuApiException.NO_RESPONSE, "interrupted", null, call.method(), call.path());
    }
  }

  /** Why no response arrived; {@code maybeSent} when the server may have received the request. */
  private record NoResponse(String id, String message, boolean maybeSent) {}

  private record Attempt(HttpResponse<String> response, NoResponse noResponse) {

    boolean retryable(Call call) {
      if (response == null) {
        return call.safe() || !noResponse.maybeSent();
      }
      int status = response.statusCode();
      return status == 429 || (status >= 500 && call.safe());
    }

    Duration retryAfter() {
      if (response == null) {
        return null;
      }
      Optional<String> header = response.headers().firstValue("Retry-After");
      try {
        return header.map(v -> Duration.ofSeconds(Long.parseLong(v.strip()))).orElse(null);
      } catch (NumberFormatException ignored) {
        return null;
      }
    }

    HerokuApiException failure(Call call) {
      if (response == null) {
        boolean unsettled = !call.safe() && noResponse.maybeSent();
        return new HerokuApiException(
            HerokuApiException.NO_RESPONSE,
            noResponse.id(),
            noResponse.message(),
            call.method(),
            call.path(),
            unsettled);
      }
      int status = response.statusCode();
      boolean unsettled = !call.safe() && status >= 500;
      JsonNode error = errorBody(response.body());
      return new HerokuApiException(
          status,
          text(error, "id", "http_" + status),
          text(error, "message", null),
          call.method(),
          call.path(),
          unsettled);
    }

    private static JsonNode errorBody(String body) {
      try {
        return body == null || body.isBlank() ? null : Json.tree(body);
      } catch (Json.JsonException notJson) {
        return null;
      }
    }

    private static String text(JsonNode node, String field, String fallback) {
      if (node == null || !node.path(field).isTextual()) {
        return fallback;
      }
      return node.path(field).asText();
    }
  }
}
