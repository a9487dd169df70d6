package dev.keyturn.rotate.vendor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The vendors by the generator type they serve. */
public final class Vendors {

  private final Map<String, Vendor> byGeneratorType = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when two vendors serve the same generator type
   */
  public Vendors(Collection<? extends Vendor> vendors) {
    for (Vendor vendor : vendors) {
      if (byGeneratorType.putIfAbsent(vendor.generatorType(), vendor) != null) {
        throw new IllegalArgumentException(
            "two vendors for generator type '" + vendor.generatorType() + "'");
      }
    }
  }

  /** The vendor side of a generator type; empty when values of that type live only in AWS. */
  public Optional<Vendor> forGeneratorType(String type) {
    return Optional.ofNullable(type).map(byGeneratorType::get);
  }
}
