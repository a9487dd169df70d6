package dev.keyturn.rotate.vendor;

import java.util.Map;

/**
 * A credential that a rotation replaced, to deactivate or retire.
 *
 * @param secretName the inventory name
 * @param options the entry's generator options
 * @param value the old value (names the credential to stop)
 * @param currentValue the AWSCURRENT value (it may authenticate the call)
 */
public record Superseded(
    String secretName, Map<String, String> options, String value, String currentValue) {

  public Superseded {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  @Override
  public String toString() {
    return "Superseded[secretName=" + secretName + "]";
  }
}
