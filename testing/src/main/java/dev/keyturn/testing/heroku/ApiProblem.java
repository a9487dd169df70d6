package dev.keyturn.testing.heroku;

/**
 * An error answer of the API, {@code {"id": ..., "message": ...}} with its status; thrown to end
 * request processing early. When it stems from a contract violation it names the kind, and the
 * stand-in records it.
 */
final class ApiProblem extends RuntimeException {

  private final int status;
  private final String id;
  private final ContractViolation.Kind violation;
  private final java.time.Duration retryAfter;

  ApiProblem(int status, String id, String message) {
    this(status, id, message, null);
  }

  private ApiProblem(int status, String id, String message, ContractViolation.Kind violation) {
    this(status, id, message, violation, null);
  }

  private ApiProblem(
      int status,
      String id,
      String message,
      ContractViolation.Kind violation,
      java.time.Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.id = id;
    this.violation = violation;
    this.retryAfter = retryAfter;
  }

  static ApiProblem notFound(String what) {
    return new ApiProblem(404, "not_found", "Couldn't find that " + what + ".");
  }

  static ApiProblem unknownRoute(String message) {
    return new ApiProblem(404, "not_found", message, ContractViolation.Kind.REQUEST);
  }

  static ApiProblem badRequest(String message) {
    return new ApiProblem(400, "contract_violation", message, ContractViolation.Kind.REQUEST);
  }

  /** A wrong token is an ordinary 401; a missing or non-Bearer credential is also a violation. */
  static ApiProblem unauthorized(boolean contractViolation) {
    return new ApiProblem(
        401,
        "unauthorized",
        contractViolation
            ? "Authorization must be 'Bearer <token>'"
            : "Invalid credentials provided.",
        contractViolation ? ContractViolation.Kind.REQUEST : null);
  }

  static ApiProblem unsupported(String operation) {
    return new ApiProblem(
        501,
        "not_implemented",
        "The Heroku stand-in does not implement " + operation,
        ContractViolation.Kind.UNSUPPORTED);
  }

  static ApiProblem rateLimited() {
    return rateLimited(null);
  }

  /** 429 with a {@code Retry-After} header (whole seconds) when {@code retryAfter} is set. */
  static ApiProblem rateLimited(java.time.Duration retryAfter) {
    return new ApiProblem(
        429,
        "rate_limit",
        "Your account reached the API rate limit\n"
            + "Please wait a few minutes before making new requests",
        null,
        retryAfter);
  }

  /** How long the answer asks the client to wait, or null. */
  java.time.Duration retryAfter() {
    return retryAfter;
  }

  int status() {
    return status;
  }

  String id() {
    return id;
  }

  /** The contract violation this answer reports, or null for an ordinary API error. */
  ContractViolation.Kind violation() {
    return violation;
  }
}
