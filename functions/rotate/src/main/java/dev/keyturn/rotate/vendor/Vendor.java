package dev.keyturn.rotate.vendor;

/**
 * The vendor side of a credential whose value keyturn generates (a database user's password): where
 * the new value must be made live (setSecret) and where it can be proven to work (testSecret).
 * Credentials only the vendor can issue implement {@link VendorCredentials} instead.
 */
public interface Vendor {

  /** The inventory {@code generator.type} whose secrets this vendor serves. */
  String generatorType();

  /**
   * Always false: keyturn generates the value and {@link #apply} installs it. (Kept so existing
   * implementations compile; a vendor that issues values implements {@link VendorCredentials}, and
   * {@link Vendors} refuses a Vendor that answers true.)
   */
  default boolean issuesValues() {
    return false;
  }

  /**
   * setSecret: makes the new credential live at the vendor. Applying the same value twice must be
   * harmless.
   *
   * @param secretName the inventory name, for errors only
   * @param currentValue the AWSCURRENT value (it authenticates the change)
   * @param pendingValue the generated AWSPENDING value
   * @return {@code pendingValue}
   * @throws VendorCallException when the vendor refuses or cannot be reached
   */
  String apply(String secretName, String currentValue, String pendingValue);

  /**
   * testSecret: makes an authenticated call with {@code value}.
   *
   * @throws VendorCallException when the vendor does not accept it
   */
  void prove(String secretName, String value);
}
