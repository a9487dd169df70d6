package dev.keyturn.rotate.vendor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor side of each generator type: a {@link Vendor} where keyturn generates the value and
 * the vendor accepts it, or a {@link VendorCredentials} adapter where only the vendor can issue it.
 */
public final class Vendors {

  private final Map<String, Vendor> accepting = new LinkedHashMap<>();
  private final Map<String, VendorCredentials> issuing = new LinkedHashMap<>();

  /** Vendors that accept generated values only. */
  public Vendors(Collection<? extends Vendor> vendors) {
    this(vendors, List.of());
  }

  /**
   * @throws IllegalArgumentException when two serve the same generator type, or a {@link Vendor}
   *     claims to issue values (it must implement {@link VendorCredentials})
   */
  public Vendors(
      Collection<? extends Vendor> vendors, Collection<? extends VendorCredentials> issuers) {
    for (Vendor vendor : vendors) {
      if (vendor.issuesValues()) {
        throw new IllegalArgumentException(
            "vendor for '"
                + vendor.generatorType()
                + "' issues values: implement VendorCredentials");
      }
      claim(vendor.generatorType());
      accepting.put(vendor.generatorType(), vendor);
    }
    for (VendorCredentials issuer : issuers) {
      claim(issuer.generatorType());
      issuing.put(issuer.generatorType(), issuer);
    }
  }

  private void claim(String type) {
    if (accepting.containsKey(type) || issuing.containsKey(type)) {
      throw new IllegalArgumentException("two vendors for generator type '" + type + "'");
    }
  }

  /** The vendor that accepts generated values of this type; empty when there is none. */
  public Optional<Vendor> forGeneratorType(String type) {
    return Optional.ofNullable(type).map(accepting::get);
  }

  /** The adapter that issues credentials of this type; empty when keyturn makes the values. */
  public Optional<VendorCredentials> issuerFor(String type) {
    return Optional.ofNullable(type).map(issuing::get);
  }
}
