package dev.keyturn.webhook.scheme;

/** A scheme's options are missing, unknown or out of range. Names the option, never its value. */
public final class InvalidSchemeOptionsException extends RuntimeException {

  private final String scheme;
  private final String option;

  public InvalidSchemeOptionsException(String scheme, String option, String problem) {
    super(problem);
    this.scheme = scheme;
    this.option = option;
  }

  public String scheme() {
    return scheme;
  }

  public String option() {
    return option;
  }
}
