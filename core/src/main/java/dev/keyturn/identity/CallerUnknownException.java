package dev.keyturn.identity;

/** STS could not say who the caller is; carries the error's name, never a credential. */
public final class CallerUnknownException extends RuntimeException {

  private final String error;

  public CallerUnknownException(String error, Throwable cause) {
    super(
        "cannot identify the caller: STS GetCallerIdentity failed ("
            + error
            + "); nothing was read",
        cause);
    this.error = error;
  }

  /** The failure's name (an exception class or an AWS error code). */
  public String error() {
    return error;
  }
}
