package dev.keyturn.rotate.protocol;

/** The inventory entry names no generator, so keyturn cannot make a new value. */
public final class NoGeneratorException extends RotationException {
  public NoGeneratorException(String secretId) {
    super(secretId, "inventory entry " + secretId + " has no generator");
  }
}
