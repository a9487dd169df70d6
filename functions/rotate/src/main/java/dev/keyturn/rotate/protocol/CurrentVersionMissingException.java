package dev.keyturn.rotate.protocol;

/** The secret has no AWSCURRENT value to rotate from. */
public final class CurrentVersionMissingException extends RotationException {
  public CurrentVersionMissingException(String secretId) {
    super(secretId, "secret " + secretId + " has no AWSCURRENT value");
  }
}
