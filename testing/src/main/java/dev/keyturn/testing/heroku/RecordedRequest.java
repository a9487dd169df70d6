package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request the stand-in received, for assertions.
 *
 * @param method HTTP method
 * @param path raw path, without the query
 * @param query raw query, or null
 * @param headers request headers; the Authorization value is replaced by its scheme and {@code
 *     [redacted]}
 * @param body the body parsed as JSON, or null when there was none or it was not JSON
 * @param status the status the stand-in answered with
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    JsonNode body,
    int status) {

  /** The first value of a header, compared case-insensitively, or null. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  /** Prints body field names only: bodies carry config values, which may be secrets. */
  @Override
  public String toString() {
    List<String> bodyFields = new ArrayList<>();
    if (body != null) {
      body.fieldNames().forEachRemaining(bodyFields::add);
    }
    return "%s %s -> %d (body fields %s)".formatted(method, path, status, bodyFields);
  }
}
