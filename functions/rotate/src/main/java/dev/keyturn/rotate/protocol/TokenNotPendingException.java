package dev.keyturn.rotate.protocol;

/** Guard: the token is a version of the secret but neither AWSCURRENT nor AWSPENDING. */
public final class TokenNotPendingException extends RotationException {
  public TokenNotPendingException(String secretId, String token) {
    super(secretId, "version " + token + " is not AWSPENDING for rotation of secret " + secretId);
  }
}
