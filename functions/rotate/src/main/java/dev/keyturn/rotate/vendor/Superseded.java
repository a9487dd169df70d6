package dev.keyturn.rotate.vendor;

import java.util.Map;

/**
 * A credential that a rotation replaced, to retire, named by its vendor id (so it can be retired by
 * id from the credential ledger, even once the version that held it is gone).
 *
 * @param secretName the inventory name
 * @param options the entry's generator options
 * @param credentialId the vendor's id of the old credential ({@link
 *     VendorCredentials#credentialId})
 * @param currentValue the AWSCURRENT value (it may authenticate the call)
 */
public record Superseded(
    String secretName, Map<String, String> options, String credentialId, String currentValue) {

  public Superseded {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  @Override
  public String toString() {
    return "Superseded[secretName=" + secretName + "]";
  }
}
