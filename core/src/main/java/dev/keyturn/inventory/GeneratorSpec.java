package dev.keyturn.inventory;

import java.util.Map;

/**
 * How rotation produces a new value: a generator type and its options, written in the inventory as
 * sibling keys of {@code type}, e.g. {@code {type: random-password, length: 40}}.
 */
public record GeneratorSpec(String type, Map<String, String> options) {
  public GeneratorSpec {
    options = Map.copyOf(options);
  }
}
