package dev.keyturn.testing.heroku;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request must satisfy before Heroku would act on it: the version-3 Accept header, a JSON
 * Content-Type on bodies, path variables matching their identity schemas, and a body matching the
 * link's request schema.
 */
final class RequestContract {

  static final String ACCEPT = "application/vnd.heroku+json; version=3";

  private final HerokuApiSchema schema;

  RequestContract(HerokuApiSchema schema) {
    this.schema = schema;
  }

  /** Every problem found; empty when the request honours the contract. */
  List<String> problems(IncomingRequest request, Route route) {
    List<String> problems = new ArrayList<>();
    acceptHeader(request).ifPresent(problems::add);
    problems.addAll(bodyEncoding(request));
    problems.addAll(pathParameters(route));
    problems.addAll(bodySchema(request, route));
    return problems;
  }

  private static Optional<String> acceptHeader(IncomingRequest request) {
    String accept = request.header("Accept");
    if (accept == null) {
      return Optional.of("Accept header missing; Heroku needs '" + ACCEPT + "'");
    }
    if (!normalise(accept).equals(normalise(ACCEPT))) {
      return Optional.of("Accept header must be '" + ACCEPT + "'");
    }
    return Optional.empty();
  }

  private static List<String> bodyEncoding(IncomingRequest request) {
    if (!request.hasBody()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (request.method().equalsIgnoreCase("GET")) {
      problems.add("GET requests carry no body");
    }
    String contentType = request.header("Content-Type");
    if (contentType == null || !normalise(contentType).startsWith("application/json")) {
      problems.add("Content-Type must be application/json for a request body");
    }
    if (request.json() == null) {
      problems.add("request body is not JSON");
    }
    return problems;
  }

  private List<String> pathParameters(Route route) {
    List<String> problems = new ArrayList<>();
    List<String> schemas = route.link().pathParameterSchemas();
    for (int i = 0; i < schemas.size(); i++) {
      String pointer = schemas.get(i);
      schema
          .validatePathParameter(pointer, route.parameters().get(i))
          .forEach(problem -> problems.add("path parameter " + pointer + ": " + problem));
    }
    return problems;
  }

  /** Valid when the body satisfies the request schema of any link declared on the route. */
  private List<String> bodySchema(IncomingRequest request, Route route) {
    List<String> pointers =
        route.links().stream().flatMap(link -> link.requestSchema().stream()).toList();
    if (pointers.isEmpty()) {
      return List.of();
    }
    if (!request.hasBody()) {
      return List.of("request body required by " + route.link().operation());
    }
    if (request.json() == null) {
      return List.of();
    }
    List<String> firstProblems = List.of();
    for (String pointer : pointers) {
      List<String> problems = schema.validate(pointer, request.json());
      if (problems.isEmpty()) {
        return List.of();
      }
      firstProblems = firstProblems.isEmpty() ? problems : firstProblems;
    }
    return firstProblems.stream().map(problem -> "request body: " + problem).toList();
  }

  private static String normalise(String headerValue) {
    return headerValue.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  /** A request's resolved route: the schema links declared on it and the path variables. */
  record Route(List<ApiLink> links, List<String> parameters) {
    ApiLink link() {
      return links.getFirst();
    }
  }
}
