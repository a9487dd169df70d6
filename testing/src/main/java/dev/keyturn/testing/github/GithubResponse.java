package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What the stand-in answers: status, JSON body (null for none) and extra headers. */
record GithubResponse(int status, JsonNode body, Map<String, String> headers) {

  static GithubResponse of(int status, JsonNode body) {
    return new GithubResponse(status, body, Map.of());
  }

  static GithubResponse empty(int status) {
    return new GithubResponse(status, null, Map.of());
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }
}
