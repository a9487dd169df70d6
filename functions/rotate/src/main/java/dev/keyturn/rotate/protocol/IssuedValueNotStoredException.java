package dev.keyturn.rotate.protocol;

/**
 * A vendor issued a new credential but Secrets Manager would not store it, even after retries. The
 * vendor has usually invalidated the old credential by then, so this needs a person: the message
 * says which secret and version, never the value.
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
            + " times; re-issue the credential at the vendor by hand");
  }
}
