package dev.keyturn.testing.lambda;

/**
 * The Java runtime could not load the handler: what Lambda reports as an init error (the function
 * never answers). Carries the runtime's own error type and message, e.g. {@code
 * java.lang.NoClassDefFoundError} / {@code org/joda/time/DateTime} when a shaded jar lacks a class
 * its event type needs.
 */
public final class LambdaInitException extends RuntimeException {

  private final String handler;
  private final String errorType;
  private final String errorMessage;

  LambdaInitException(String handler, String errorType, String errorMessage, Throwable cause) {
    super(
        "Lambda runtime could not load handler " + handler + ": " + errorType + ": " + errorMessage,
        cause);
    this.handler = handler;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  /** The handler string that failed, e.g. {@code dev.keyturn.sync.SyncHandler::handleRequest}. */
  public String handler() {
    return handler;
  }

  /** The runtime's errorType, normally the class name of the underlying throwable. */
  public String errorType() {
    return errorType;
  }

  /** The runtime's errorMessage. */
  public String errorMessage() {
    return errorMessage;
  }
}
