package dev.keyturn.cli.demo;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.SecretCreator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Creates every secret of the demo inventory in local AWS with a first value of the right shape
 * (made by the entry's own generator where it has one). Every write is create-if-absent and safe to
 * repeat, so an SDK retry of a call the emulator applied late is success. Values never leave this
 * class; a failure names the entry and its secret or parameter.
 */
final class DemoSeeds {

  static final String STEP = "seed";

  private final SecretCreator secrets;
  private final ParameterCreator parameters;
  private final GeneratorRegistry generators;
  private final RandomSource random;

  DemoSeeds(
      SecretCreator secrets,
      ParameterCreator parameters,
      GeneratorRegistry generators,
      RandomSource random) {
    this.secrets = secrets;
    this.parameters = parameters;
    this.generators = generators;
    this.random = random;
  }

  /**
   * Seeds every entry; returns how many now hold a first value.
   *
   * @throws SeedFailedException naming the entry and its secret or parameter
   */
  int seed(Inventory inventory) {
    int seeded = 0;
    for (SecretEntry e : inventory.secrets()) {
      // an entry with one source per environment gets a value of its own in each
      for (Source source : e.allSources()) {
        try {
          String value = firstValue(e);
          switch (source) {
            case Source.SecretsManager sm -> secrets.createIfAbsent(sm.id(), value, Map.of());
            case Source.SsmParameter p -> parameters.createIfAbsent(p.id(), value, Map.of());
          }
        } catch (RuntimeException failed) {
          throw new SeedFailedException(e, source, failed);
        }
        seeded++;
      }
    }
    return seeded;
  }

  private String firstValue(SecretEntry e) {
    GeneratorSpec g = e.generator();
    if (g == null) {
      return token(40); // a vendor-issued token keyturn does not generate
    }
    return switch (g.type()) {
      case "json-field" -> jsonWithFields(g);
      case "heroku-authorization" ->
          Json.write(Map.of("authorizationId", UUID.randomUUID().toString(), "token", token(40)));
      default -> generators.get(g.type()).generate(GenerationRequest.first(e.name(), g.options()));
    };
  }

  /** json-field regenerates named fields of an existing object: start with one holding them. */
  private String jsonWithFields(GeneratorSpec g) {
    Map<String, String> object = new LinkedHashMap<>();
    object.put("key_id", "PK" + token(18).toUpperCase(Locale.ROOT));
    for (String field : g.options().getOrDefault("fields", "secret").split(",")) {
      object.put(field.strip(), token(40));
    }
    return Json.write(object);
  }

  private String token(int length) {
    return random.characters(
        length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
  }
}
