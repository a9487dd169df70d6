package dev.keyturn.webhook.scheme;

/** A signing helper was given a secret or delivery id it cannot use. Never carries the value. */
public final class InvalidSigningInputException extends RuntimeException {

  private final String scheme;
  private final String input;

  public InvalidSigningInputException(String scheme, String input, String problem) {
    super(scheme + ": " + input + " " + problem);
    this.scheme = scheme;
    this.input = input;
  }

  public String scheme() {
    return scheme;
  }

  /** Which input was unusable: {@code secret} or {@code deliveryId}. */
  public String input() {
    return input;
  }
}
