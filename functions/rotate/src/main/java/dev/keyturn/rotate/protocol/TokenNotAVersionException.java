package dev.keyturn.rotate.protocol;

/** Guard: the ClientRequestToken is not a version of the secret. */
public final class TokenNotAVersionException extends RotationException {
  public TokenNotAVersionException(String secretId, String token) {
    super(secretId, "version " + token + " has no stage for rotation of secret " + secretId);
  }
}
