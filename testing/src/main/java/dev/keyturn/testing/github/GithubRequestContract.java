package dev.keyturn.testing.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a request must satisfy before GitHub would act on it: the REST media type, the API version
 * header when sent, path and query parameters matching their schemas (no undocumented query
 * parameters), and a JSON body matching the operation's request schema.
 */
final class GithubRequestContract {

  static final Set<String> ACCEPT =
      Set.of("application/vnd.github+json", "application/vnd.github.v3+json", "application/json");
  static final String API_VERSION = "2022-11-28";

  private final GithubContract contract;

  GithubRequestContract(GithubContract contract) {
    this.contract = contract;
  }

  List<String> problems(IncomingCall request, GithubOperation op, List<String> pathValues) {
    List<String> problems = new ArrayList<>();
    String accept = request.header("Accept");
    if (accept == null || !ACCEPT.contains(accept.strip().toLowerCase(Locale.ROOT))) {
      problems.add("Accept must be application/vnd.github+json");
    }
    String version = request.header("X-GitHub-Api-Version");
    if (version != null && !API_VERSION.equals(version.strip())) {
      problems.add("X-GitHub-Api-Version " + version + " is not a supported version");
    }
    for (int i = 0; i < pathValues.size(); i++) {
      if (IncomingCall.decode(pathValues.get(i)).isEmpty()) {
        problems.add("path parameter " + op.pathParameters().get(i) + " is empty");
      }
    }
    for (Map.Entry<String, String> q : request.queryParameters().entrySet()) {
      var schema = op.queryParameters().get(q.getKey());
      if (schema == null) {
        problems.add(
            "query parameter " + q.getKey() + " is not documented for " + op.operationId());
      } else {
        contract
            .validateParameter(schema, q.getValue())
            .forEach(p -> problems.add("query parameter " + q.getKey() + ": " + p));
      }
    }
    problems.addAll(body(request, op));
    return problems;
  }

  private List<String> body(IncomingCall request, GithubOperation op) {
    if (op.requestBody() == null) {
      return request.hasBody() ? List.of(op.operationId() + " takes no body") : List.of();
    }
    if (!request.hasBody()) {
      return op.bodyRequired()
          ? List.of("request body required by " + op.operationId())
          : List.of();
    }
    String contentType = request.header("Content-Type");
    List<String> problems = new ArrayList<>();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      problems.add("Content-Type must be application/json for a request body");
    }
    if (request.json() == null) {
      problems.add("request body is not JSON");
      return problems;
    }
    contract
        .validate(op.requestBody(), request.json())
        .forEach(p -> problems.add("request body: " + p));
    return problems;
  }
}
