package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.keyturn.testing.heroku.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as read off the wire, shared by the GitHub and Cloudflare stand-ins.
 *
 * @param json the body parsed as JSON; null when there is none or it is not JSON
 */
public record IncomingCall(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    byte[] body,
    JsonNode json) {

  public static IncomingCall read(HttpExchange exchange, ObjectMapper mapper) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    JsonNode json = null;
    if (body.length > 0) {
      try {
        json = mapper.readTree(body);
      } catch (IOException notJson) {
        json = null;
      }
    }
    return new IncomingCall(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        Map.copyOf(headers),
        body,
        json);
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** The first value of a header, case-insensitively, or null. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  /** The query parameters, decoded (the last value of a repeated one wins). */
  public Map<String, String> queryParameters() {
    Map<String, String> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      out.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  /** A path segment as sent: percent-decoded, a {@code +} kept as is. */
  public static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The log entry: headers as sent, except that the credential is never kept. */
  public RecordedRequest recorded(int status) {
    Map<String, List<String>> redacted = new LinkedHashMap<>();
    headers.forEach((name, values) ->
        redacted.put(
            name,
            name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Auth-Key")
                ? values.stream().map(IncomingCall::redact).toList()
                : values));
    return new RecordedRequest(method, path, query, Map.copyOf(redacted), json, status);
  }

  private static String redact(String credential) {
    int space = credential.indexOf(' ');
    return (space > 0 ? credential.substring(0, space) + " " : "") + "[redacted]";
  }
}
