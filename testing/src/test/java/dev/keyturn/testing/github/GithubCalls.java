package dev.keyturn.testing.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP calls to the stand-in, as a well-behaved GitHub client sends them. */
final class GithubCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final GithubStandIn github;
  String token;
  String accept = "application/vnd.github+json";

  GithubCalls(GithubStandIn github) {
    this.github = github;
    this.token = github.defaultToken();
  }

  HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(github.baseUrl() + path))
            .header("X-GitHub-Api-Version", "2022-11-28");
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }
}
