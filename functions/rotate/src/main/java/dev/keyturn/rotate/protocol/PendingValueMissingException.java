package dev.keyturn.rotate.protocol;

/** A step that needs the AWSPENDING value found none at the token's version. */
public final class PendingValueMissingException extends RotationException {
  public PendingValueMissingException(String secretId, String token) {
    super(secretId, "version " + token + " of secret " + secretId + " has no AWSPENDING value");
  }
}
