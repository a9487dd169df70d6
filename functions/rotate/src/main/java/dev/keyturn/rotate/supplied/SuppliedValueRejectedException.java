package dev.keyturn.rotate.supplied;

/** A value supplied by a person cannot replace the entry's value. Names only, never the value. */
public final class SuppliedValueRejectedException extends RuntimeException {

  private final String secretName;

  public SuppliedValueRejectedException(String secretName, String reason) {
    super("the value supplied for " + secretName + " is refused: " + reason);
    this.secretName = secretName;
  }

  public String secretName() {
    return secretName;
  }
}
