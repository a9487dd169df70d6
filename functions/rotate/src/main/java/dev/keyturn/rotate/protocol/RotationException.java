package dev.keyturn.rotate.protocol;

/**
 * Base of the named rotation errors: each carries the secret id (an ARN or name) and, where it
 * matters, the version id. Never a value.
 */
public abstract class RotationException extends RuntimeException {

  private final String secretId;

  protected RotationException(String secretId, String message) {
    super(message);
    this.secretId = secretId;
  }

  /** The secret's ARN, name or inventory name, as the thrower knew it. */
  public String secretId() {
    return secretId;
  }
}
