package dev.keyturn.rotate.fakes;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import java.util.List;
import java.util.Map;

/** Inventory entries for tests. */
public final class Entries {

  private Entries() {}

  public static SecretEntry secretsManager(
      String name, String secretName, String generatorType, Map<String, String> options) {
    return entry(
        name,
        new Source.SecretsManager(secretName),
        "90d",
        generator(generatorType, options),
        null);
  }

  public static SecretEntry ssm(
      String name,
      String path,
      String rotation,
      String generatorType,
      Map<String, String> options) {
    return entry(
        name, new Source.SsmParameter(path), rotation, generator(generatorType, options), null);
  }

  public static SecretEntry entry(
      String name, Source source, String rotation, GeneratorSpec generator, String expiresAt) {
    return new SecretEntry(
        name,
        source,
        Tags.of("api", "high", "raptor", rotation),
        List.of("prod"),
        null,
        null,
        generator,
        expiresAt,
        List.of(),
        null,
        List.of());
  }

  private static GeneratorSpec generator(String type, Map<String, String> options) {
    return type == null ? null : new GeneratorSpec(type, options);
  }
}
