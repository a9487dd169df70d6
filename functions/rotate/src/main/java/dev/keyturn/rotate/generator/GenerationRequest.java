package dev.keyturn.rotate.generator;

import java.util.Map;
import java.util.Objects;

/**
 * What a generator is asked to produce from.
 *
 * @param secretName the secret's name, used in error messages only
 * @param options the generator options from the inventory (never null; empty when none)
 * @param currentValue the secret's AWSCURRENT value, or null when there is none yet; generators
 *     that carry state forward (JWKS retention, json-field) read it
 */
public record GenerationRequest(
    String secretName, Map<String, String> options, String currentValue) {

  public GenerationRequest {
    Objects.requireNonNull(secretName, "secretName");
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A request for a secret that has no value yet. */
  public static GenerationRequest first(String secretName, Map<String, String> options) {
    return new GenerationRequest(secretName, options, null);
  }

  /** True when there is a current value that is not just whitespace. */
  public boolean hasCurrentValue() {
    return currentValue != null && !currentValue.isBlank();
  }

  /** Leaves the current value out: records print every component by default. */
  @Override
  public String toString() {
    return "GenerationRequest[secretName="
        + secretName
        + ", options="
        + options
        + ", currentValue="
        + (currentValue == null ? "absent" : "<redacted>")
        + "]";
  }
}
