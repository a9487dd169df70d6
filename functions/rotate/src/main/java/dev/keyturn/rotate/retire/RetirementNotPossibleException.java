package dev.keyturn.rotate.retire;

/**
 * Retirement cannot run for this secret: no inventory entry, no AWSCURRENT value, or a generator
 * type that no vendor adapter issues. Names the secret and the reason, never a value.
 */
public final class RetirementNotPossibleException extends RuntimeException {

  private final String secret;

  public RetirementNotPossibleException(String secret, String reason) {
    super("cannot retire the old credential of " + secret + ": " + reason);
    this.secret = secret;
  }

  public String secret() {
    return secret;
  }
}
