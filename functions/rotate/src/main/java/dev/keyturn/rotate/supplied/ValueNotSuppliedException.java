package dev.keyturn.rotate.supplied;

/**
 * An operator-assisted entry (no generator) reached a step that needs its new value, but nobody
 * supplied one: keyturn never invents a value a vendor issues.
 */
public final class ValueNotSuppliedException extends RuntimeException {

  private final String secretName;

  public ValueNotSuppliedException(String secretName) {
    super(
        secretName
            + " is operator-assisted: keyturn never invents its value; create the new credential"
            + " at the vendor and run keyturn rotate "
            + secretName
            + " --from-stdin");
    this.secretName = secretName;
  }

  public String secretName() {
    return secretName;
  }
}
