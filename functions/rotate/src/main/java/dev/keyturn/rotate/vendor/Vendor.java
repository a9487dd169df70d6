package dev.keyturn.rotate.vendor;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vendor side of a credential: where a new value must be made live (setSecret) and where it can
 * be proven to work (testSecret). One implementation per generator type that has a vendor side;
 * generators without one need neither operation.
 */
public interface Vendor {

  /** The inventory {@code generator.type} whose secrets this vendor serves. */
  String generatorType();

  /**
   * Whether the vendor mints new values itself (as Heroku does when it regenerates a token). Then
   * keyturn has no value to store before {@link #apply}, and stores what apply returns. Otherwise
   * keyturn generates the value first and apply installs it at the vendor.
   */
  boolean issuesValues();

  /**
   * setSecret: makes the new credential live at the vendor.
   *
   * @param secretName the inventory name, for errors only
   * @param currentValue the AWSCURRENT value (it authenticates the change)
   * @param pendingValue the generated AWSPENDING value; null when {@link #issuesValues()}
   * @return the value that is now valid at the vendor (for a vendor that issues values, the new
   *     value to store as AWSPENDING; otherwise {@code pendingValue})
   * @throws VendorCallException when the vendor refuses or cannot be reached
   */
  String apply(String secretName, String currentValue, String pendingValue);

  /**
   * setSecret with the AWSPREVIOUS value at hand, for vendors whose recovery needs it (AWS's
   * single-user database templates log in with AWSPREVIOUS when AWSCURRENT no longer works). The
   * value is read only when asked for. Vendors that do not need it keep the three-argument form.
   */
  default String apply(
      String secretName,
      String currentValue,
      String pendingValue,
      Supplier<Optional<String>> previousValue) {
    return apply(secretName, currentValue, pendingValue);
  }

  /**
   * testSecret: makes an authenticated call with {@code value}.
   *
   * @throws VendorCallException when the vendor does not accept it
   */
  void prove(String secretName, String value);
}
