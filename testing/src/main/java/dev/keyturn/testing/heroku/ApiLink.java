package dev.keyturn.testing.heroku;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code links} entry of the hyper-schema: an operation of the Platform API.
 *
 * @param resource the definition that declares the link, e.g. {@code config-var}
 * @param title the link title, e.g. {@code Update}
 * @param method HTTP method
 * @param href the href template as published
 * @param pathParameterSchemas a JSON pointer (into the document) per template variable, in order
 * @param requestSchema JSON pointer to the request body schema, if the link has one
 * @param targetSchema JSON pointer to the response body schema, if the link has one
 */
record ApiLink(
    String resource,
    String title,
    String method,
    String href,
    List<String> pathParameterSchemas,
    Optional<String> requestSchema,
    Optional<String> targetSchema,
    Pattern pathPattern) {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\(([^)}]*)\\)}");

  static ApiLink of(
      String resource,
      String title,
      String method,
      String href,
      Optional<String> requestSchema,
      Optional<String> targetSchema) {
    List<String> parameters = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher variable = VARIABLE.matcher(href);
    int literalStart = 0;
    while (variable.find()) {
      regex.append(Pattern.quote(href.substring(literalStart, variable.start())));
      regex.append("([^/]+)");
      parameters.add(URLDecoder.decode(variable.group(1), StandardCharsets.UTF_8));
      literalStart = variable.end();
    }
    regex.append(Pattern.quote(href.substring(literalStart))).append('$');
    return new ApiLink(
        resource,
        title,
        method,
        href,
        List.copyOf(parameters),
        requestSchema,
        targetSchema,
        Pattern.compile(regex.toString()));
  }

  /** The operation name the stand-in dispatches on, e.g. {@code config-var Update}. */
  String operation() {
    return resource + " " + title;
  }

  /** Template variables decoded from a concrete path, or empty when the path is not this link. */
  Optional<List<String>> match(String rawPath) {
    Matcher matcher = pathPattern.matcher(rawPath);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int group = 1; group <= matcher.groupCount(); group++) {
      values.add(URLDecoder.decode(matcher.group(group), StandardCharsets.UTF_8));
    }
    return Optional.of(List.copyOf(values));
  }
}
