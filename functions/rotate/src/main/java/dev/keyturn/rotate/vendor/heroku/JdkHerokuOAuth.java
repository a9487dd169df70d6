package dev.keyturn.rotate.vendor.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.VendorCallException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link HerokuOAuth} over the JDK HTTP client, speaking Platform API version 3. */
public final class JdkHerokuOAuth implements HerokuOAuth {

  static final String VENDOR = "heroku";
  static final String ACCEPT = "application/vnd.heroku+json; version=3";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI baseUri;

  /**
   * @param baseUri the API root, {@code https://api.heroku.com} in production
   */
  public JdkHerokuOAuth(HttpClient http, URI baseUri) {
    this.http = http;
    String base = baseUri.toString();
    this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  @Override
  public HerokuCredential regenerate(String authorizationId, String bearer) {
    String operation = "regenerate-tokens";
    HttpRequest request =
        request("/oauth/authorizations/" + authorizationId + "/actions/regenerate-tokens", bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    JsonNode body = body(operation, send(operation, request));
    JsonNode token = body.path("access_token").path("token");
    if (!token.isTextual()) {
      throw new VendorCallException(VENDOR, operation, 200, "no-access-token");
    }
    try {
      return new HerokuCredential(body.path("id").asText(null), token.asText());
    } catch (MalformedSecretValueException unexpectedShape) {
      throw new VendorCallException(VENDOR, operation, 200, "unexpected-response");
    }
  }

  @Override
  public void account(String bearer) {
    String operation = "account";
    send(operation, request("/account", bearer).GET().build());
  }

  private HttpRequest.Builder request(String path, String bearer) {
    return HttpRequest.newBuilder(URI.create(baseUri + path))
        .timeout(TIMEOUT)
        .header("Accept", ACCEPT)
        .header("Authorization", "Bearer " + bearer)
        .header("User-Agent", "keyturn-rotate");
  }

  private HttpResponse<String> send(String operation, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException unreachable) {
      throw new VendorCallException(VENDOR, operation, 0, unreachable.getClass().getSimpleName());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new VendorCallException(VENDOR, operation, 0, "interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new VendorCallException(
          VENDOR, operation, response.statusCode(), errorId(response.body()));
    }
    return response;
  }

  private static JsonNode body(String operation, HttpResponse<String> response) {
    try {
      return Json.tree(response.body());
    } catch (Json.JsonException notJson) {
      throw new VendorCallException(VENDOR, operation, response.statusCode(), "not-json");
    }
  }

  /** Heroku's error {@code id} (e.g. {@code unauthorized}); its message is left out on purpose. */
  private static String errorId(String body) {
    try {
      JsonNode id = Json.tree(body).path("id");
      return id.isTextual() ? id.asText() : null;
    } catch (Json.JsonException notJson) {
      return null;
    }
  }
}
