package dev.keyturn.rotate.protocol;

/**
 * A vendor issued a new credential but Secrets Manager would not store it, even after retries. The
 * current credential still works; the next attempt for the same version removes the unstored one at
 * the vendor (the credential ledger says it was issued) and issues another. The message says which
 * secret and version, never the value.
 */
public final class IssuedValueNotStoredException extends RotationException {
  public IssuedValueNotStoredException(String secretId, String token, int attempts) {
    super(
        secretId,
        "the vendor issued a new credential for secret "
            + secretId
            + " but storing it as version "
            + token
            + " failed "
            + attempts
            + " times; the current credential still works, and the next attempt removes the"
            + " unstored one at the vendor before issuing another");
  }
}
