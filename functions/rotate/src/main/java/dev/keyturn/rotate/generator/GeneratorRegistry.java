package dev.keyturn.rotate.generator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generators by {@code generator.type}. Which ones exist is decided by the caller ({@code
 * RotationGenerators}), so this package knows none of its implementations.
 */
public final class GeneratorRegistry {

  private final Map<String, SecretGenerator> byType = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when two generators share a type
   */
  public GeneratorRegistry(Collection<? extends SecretGenerator> generators) {
    for (SecretGenerator generator : generators) {
      if (byType.putIfAbsent(generator.type(), generator) != null) {
        throw new IllegalArgumentException("two generators of type '" + generator.type() + "'");
      }
    }
  }

  /**
   * @throws UnknownGeneratorException when no generator has this type
   */
  public SecretGenerator get(String type) {
    SecretGenerator generator = type == null ? null : byType.get(type);
    if (generator == null) {
      throw new UnknownGeneratorException(type);
    }
    return generator;
  }

  /** The registered types, in registration order. */
  public List<String> types() {
    return List.copyOf(byType.keySet());
  }

  /** Problems with a generator entry, for the linter; an unknown type is one such problem. */
  public List<String> validate(String type, Map<String, String> options) {
    if (type == null || type.isBlank()) {
      return List.of("generator 'type' is missing (known types: " + knownTypes() + ")");
    }
    SecretGenerator generator = byType.get(type);
    if (generator == null) {
      return List.of("unknown generator type '" + type + "' (known types: " + knownTypes() + ")");
    }
    return generator.validate(options);
  }

  private String knownTypes() {
    return String.join(", ", byType.keySet());
  }
}
