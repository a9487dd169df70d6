package dev.keyturn.rotate.protocol;

/** Guard: the secret does not have rotation turned on. */
public final class RotationNotEnabledException extends RotationException {
  public RotationNotEnabledException(String secretId) {
    super(secretId, "rotation is not enabled for secret " + secretId);
  }
}
