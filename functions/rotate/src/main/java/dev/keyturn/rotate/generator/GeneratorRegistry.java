package dev.keyturn.rotate.generator;

import dev.keyturn.rotate.generator.hmac.HmacKeyGenerator;
import dev.keyturn.rotate.generator.jsonfield.JsonFieldGenerator;
import dev.keyturn.rotate.generator.jwt.JwtKeyGenerator;
import dev.keyturn.rotate.generator.password.RandomPasswordGenerator;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generators by {@code generator.type}. */
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
   * Every built-in: random-password (through {@code passwords}), hmac-key, jwt-rsa, jwt-ec and
   * json-field (all drawing randomness from {@code random}).
   */
  public static GeneratorRegistry builtIns(RandomPasswordPort passwords, RandomSource random) {
    return new GeneratorRegistry(
        List.of(
            new RandomPasswordGenerator(passwords),
            new HmacKeyGenerator(random),
            JwtKeyGenerator.rsa(random),
            JwtKeyGenerator.ec(random),
            new JsonFieldGenerator(random)));
  }

  /**
   * The built-ins for validating an inventory without AWS (e.g. the CLI's lint): validate and
   * checkWellFormed work; random-password's generate fails because it has no Secrets Manager.
   */
  public static GeneratorRegistry forValidation() {
    return builtIns(
        policy -> {
          throw new UnsupportedOperationException(
              "this registry only validates; random-password needs Secrets Manager to generate");
        },
        new RandomSource());
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
