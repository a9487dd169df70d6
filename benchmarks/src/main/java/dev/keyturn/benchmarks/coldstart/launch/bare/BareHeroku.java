package dev.keyturn.benchmarks.coldstart.launch.bare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The three Heroku Platform API calls of a sync (read, PATCH, release), with the JDK client as
 * keyturn's sets it up.
 */
final class BareHeroku {

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final ObjectMapper json;
  private final URI base = URI.create(System.getenv("HEROKU_API_URL"));

  BareHeroku(ObjectMapper json) {
    this.json = json;
  }

  JsonNode configVars(String token, String app) {
    return send(token, "GET", "/apps/" + app + "/config-vars", null, Map.of());
  }

  void patch(String token, String app, Map<String, String> changes) {
    try {
      send(
          token,
          "PATCH",
          "/apps/" + app + "/config-vars",
          json.writeValueAsString(changes),
          Map.of());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest release ({@code Range: version ..; order=desc, max=1}, as keyturn asks). */
  JsonNode latestRelease(String token, String app) {
    JsonNode list =
        send(
            token,
            "GET",
            "/apps/" + app + "/releases",
            null,
            Map.of("Range", "version ..; order=desc, max=1"));
    return list.get(0);
  }

  private JsonNode send(
      String token, String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/vnd.heroku+json; version=3")
            .header("Content-Type", "application/json")
            .header("User-Agent", "keyturn-bare")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Heroku answered " + response.statusCode() + " " + path);
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Heroku " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
