package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of GitHub's OpenAPI description: method, path template, parameters, request body
 * schema and the documented responses (status to body schema; a status without content has an empty
 * body).
 *
 * @param pathParameters names of the template's variables, in order
 * @param queryParameters query parameter name to its schema
 * @param requestBody the JSON body schema, or null when the operation takes none
 * @param responses documented status to its JSON schema (null when the status has no body)
 */
record GithubOperation(
    String operationId,
    String method,
    String template,
    Pattern pattern,
    List<String> pathParameters,
    Map<String, JsonNode> queryParameters,
    JsonNode requestBody,
    boolean bodyRequired,
    Map<Integer, JsonNode> responses) {

  /** Template variables match one raw path segment (GitHub wants slashes in names as %2F). */
  static Pattern compile(String template, List<String> names) {
    StringBuilder regex = new StringBuilder("^");
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("$");
    return Pattern.compile(regex.toString());
  }

  static GithubOperation of(
      String operationId,
      String method,
      String template,
      Map<String, JsonNode> query,
      JsonNode requestBody,
      boolean bodyRequired,
      Map<Integer, JsonNode> responses) {
    List<String> names = new ArrayList<>();
    Pattern pattern = compile(template, names);
    return new GithubOperation(
        operationId,
        method,
        template,
        pattern,
        List.copyOf(names),
        Map.copyOf(query),
        requestBody,
        bodyRequired,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responses)));
  }

  /** The raw path variables when the path matches this template. */
  Optional<List<String>> match(String rawPath) {
    Matcher m = pattern.matcher(rawPath);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      values.add(m.group(i));
    }
    return Optional.of(values);
  }

  /** Literal segments count: the most literal template wins when several match. */
  int literalLength() {
    return template.replaceAll("\\{[^}]+}", "").length();
  }
}
