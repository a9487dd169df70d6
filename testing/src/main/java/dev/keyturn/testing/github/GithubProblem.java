package dev.keyturn.testing.github;

import dev.keyturn.testing.heroku.ContractViolation;
import java.util.Map;

/**
 * An error answer, GitHub's {@code {"message", "documentation_url", "status"}} with its status and
 * headers; thrown to end request processing early. When it stems from a contract violation it names
 * the kind, and the stand-in records it.
 */
final class GithubProblem extends RuntimeException {

  static final String DOCS = "https://docs.github.com/rest";

  private final int status;
  private final ContractViolation.Kind violation;
  private final Map<String, String> headers;

  GithubProblem(int status, String message) {
    this(status, message, null, Map.of());
  }

  GithubProblem(
      int status, String message, ContractViolation.Kind violation, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.violation = violation;
    this.headers = Map.copyOf(headers);
  }

  static GithubProblem notFound() {
    return new GithubProblem(404, "Not Found");
  }

  static GithubProblem unknownRoute(String message) {
    return new GithubProblem(404, message, ContractViolation.Kind.REQUEST, Map.of());
  }

  static GithubProblem invalid(String message) {
    return new GithubProblem(422, message, ContractViolation.Kind.REQUEST, Map.of());
  }

  static GithubProblem unprocessable(String message) {
    return new GithubProblem(422, message);
  }

  static GithubProblem unauthenticated(boolean violation) {
    return new GithubProblem(
        401,
        violation ? "Requires authentication" : "Bad credentials",
        violation ? ContractViolation.Kind.REQUEST : null,
        Map.of());
  }

  static GithubProblem unsupported(String operation) {
    return new GithubProblem(
        501,
        "The GitHub stand-in does not implement " + operation,
        ContractViolation.Kind.UNSUPPORTED,
        Map.of());
  }

  int status() {
    return status;
  }

  ContractViolation.Kind violation() {
    return violation;
  }

  Map<String, String> headers() {
    return headers;
  }
}
