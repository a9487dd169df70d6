package dev.keyturn.connection;

/**
 * A value is not a database or cache connection secret. The problem names a field, never a value;
 * no parser exception is chained, because parser messages can quote the text.
 */
public final class MalformedConnectionSecretException extends RuntimeException {

  private final String problem;

  public MalformedConnectionSecretException(String problem) {
    super("not a connection secret: " + problem);
    this.problem = problem;
  }

  /** What is wrong, in words that never quote the value. */
  public String problem() {
    return problem;
  }
}
