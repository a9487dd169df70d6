package dev.keyturn.testing.lambda;

/**
 * The handler (or the runtime's (de)serialization around it) failed an invocation. Carries what the
 * runtime would post to the Runtime API's invocation error endpoint.
 */
public final class LambdaInvocationException extends RuntimeException {

  private final String errorType;
  private final String errorMessage;
  private final String rapidErrorType;

  LambdaInvocationException(
      String errorType, String errorMessage, String rapidErrorType, Throwable cause) {
    super("Lambda invocation failed: " + errorType + ": " + errorMessage, cause);
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.rapidErrorType = rapidErrorType;
  }

  /** The runtime's errorType, e.g. {@code java.lang.IllegalStateException}. */
  public String errorType() {
    return errorType;
  }

  /**
   * The runtime's errorMessage; for failures while reading the event this is the runtime's own
   * wrapper message, e.g. "An error occurred during JSON parsing".
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * How Lambda classifies the failure: {@code Runtime.UserException} for a throwing handler, {@code
   * Runtime.BadFunctionCode} for a runtime-detected fault.
   */
  public String rapidErrorType() {
    return rapidErrorType;
  }
}
