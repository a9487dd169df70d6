package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What the stand-in answers: status, JSON body and extra headers. */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, Map.of());
  }

  static ApiResponse of(ApiProblem problem) {
    Map<String, String> headers =
        problem.retryAfter() == null
            ? Map.of()
            : Map.of("Retry-After", Long.toString(problem.retryAfter().toSeconds()));
    return new ApiResponse(
        problem.status(), HerokuJson.error(problem.id(), problem.getMessage()), headers);
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }

  /** Status and the body's field names: a config-vars answer carries the values. */
  @Override
  public String toString() {
    java.util.List<String> fields = new java.util.ArrayList<>();
    if (body != null) {
      body.fieldNames().forEachRemaining(fields::add);
    }
    return "ApiResponse["
        + status
        + ", body fields="
        + fields
        + ", headers="
        + headers.keySet()
        + "]";
  }
}
