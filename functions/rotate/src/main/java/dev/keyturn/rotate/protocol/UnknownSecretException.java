package dev.keyturn.rotate.protocol;

/**
 * No inventory entry has this secret as its source: keyturn does not rotate secrets it does not
 * know.
 */
public final class UnknownSecretException extends RotationException {
  public UnknownSecretException(String secretId) {
    super(secretId, "no inventory entry for secret " + secretId);
  }
}
