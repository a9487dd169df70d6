package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What the stand-in answers: status, JSON body and extra headers. */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, Map.of());
  }

  static ApiResponse of(ApiProblem problem) {
    return new ApiResponse(
        problem.status(), HerokuJson.error(problem.id(), problem.getMessage()), Map.of());
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }
}
