package dev.keyturn.cli.demo;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.secrets.SecretsManagerRandomPasswords;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Creates every secret of the demo inventory in local AWS with a first value of the right shape
 * (made by the entry's own generator where it has one). Values never leave this class.
 */
final class DemoSeeds {

  private final SecretsManagerClient secretsManager;
  private final SsmClient ssm;
  private final RandomSource random = new RandomSource();
  private final GeneratorRegistry generators;

  DemoSeeds(SecretsManagerClient secretsManager, SsmClient ssm) {
    this.secretsManager = secretsManager;
    this.ssm = ssm;
    this.generators =
        RotationGenerators.all(new SecretsManagerRandomPasswords(secretsManager), random);
  }

  /** Seeds every entry; returns how many were created. */
  int seed(Inventory inventory) {
    int created = 0;
    for (SecretEntry e : inventory.secrets()) {
      // an entry with one source per environment gets a value of its own in each
      for (Source source : e.allSources()) {
        String value = firstValue(e);
        switch (source) {
          case Source.SecretsManager sm ->
              secretsManager.createSecret(b -> b.name(sm.id()).secretString(value));
          case Source.SsmParameter p ->
              ssm.putParameter(b -> b.name(p.id()).value(value).type(ParameterType.SECURE_STRING));
        }
        created++;
      }
    }
    return created;
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
    object.put("key_id", "PK" + token(18).toUpperCase(java.util.Locale.ROOT));
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
