package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the stand-in with the JDK HttpClient, the way a well-behaved Heroku client does. */
final class ApiCalls {

  static final String ACCEPT = "application/vnd.heroku+json; version=3";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private final URI baseUrl;
  private String token;

  ApiCalls(HerokuStandIn standIn) {
    this.baseUrl = standIn.baseUrl();
    this.token = standIn.defaultToken();
  }

  ApiCalls as(String otherToken) {
    this.token = otherToken;
    return this;
  }

  /** A request builder with Heroku's Accept header and the bearer token already set. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .header("Accept", ACCEPT)
        .header("Authorization", "Bearer " + token);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply patch(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  Reply send(HttpRequest.Builder builder) {
    try {
      return reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends with a client-side timeout; the caller expects the timeout to fire. */
  void sendExpectingTimeout(HttpRequest.Builder builder, Duration timeout)
      throws IOException, InterruptedException {
    http.send(builder.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  private Reply reply(HttpResponse<String> response) throws IOException {
    JsonNode body = response.body().isEmpty() ? null : mapper.readTree(response.body());
    return new Reply(response.statusCode(), body, response);
  }

  /** A response with its JSON body parsed. */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String errorId() {
      return body.path("id").asText();
    }
  }
}
