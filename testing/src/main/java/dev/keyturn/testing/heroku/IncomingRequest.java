package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as read off the wire.
 *
 * @param json the body parsed as JSON; null when there is no body or it is not JSON
 */
record IncomingRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    byte[] body,
    JsonNode json) {

  /** Method, path and body size only: bodies carry config values, which may be secrets. */
  @Override
  public String toString() {
    return "IncomingRequest["
        + method
        + " "
        + path
        + ", headers="
        + headers.keySet()
        + ", body="
        + (body == null ? 0 : body.length)
        + " bytes]";
  }

  static IncomingRequest read(HttpExchange exchange, ObjectMapper mapper) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return new IncomingRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        Map.copyOf(headers),
        body,
        parse(mapper, body));
  }

  boolean hasBody() {
    return body.length > 0;
  }

  /** The first value of a header, case-insensitively, or null. */
  String header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  /** The log entry: headers as sent, except that the credential is never kept. */
  RecordedRequest recorded(int status) {
    Map<String, List<String>> redacted = new LinkedHashMap<>();
    headers.forEach((name, values) ->
        redacted.put(
            name,
            name.equalsIgnoreCase("Authorization")
                ? values.stream().map(IncomingRequest::redact).toList()
                : values));
    return new RecordedRequest(method, path, query, Map.copyOf(redacted), json, status);
  }

  private static String redact(String credential) {
    int space = credential.indexOf(' ');
    return (space > 0 ? credential.substring(0, space) + " " : "") + "[redacted]";
  }

  private static JsonNode parse(ObjectMapper mapper, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
