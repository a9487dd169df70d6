package dev.keyturn.cli.demo;

import dev.keyturn.connection.Engine;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.database.DatabaseType;
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
      String value = firstValue(e);
      switch (e.source()) {
        case Source.SecretsManager sm ->
            secretsManager.createSecret(b -> b.name(sm.id()).secretString(value));
        case Source.SsmParameter p ->
            ssm.putParameter(b -> b.name(p.id()).value(value).type(ParameterType.SECURE_STRING));
      }
      created++;
    }
    return created;
  }

  private String firstValue(SecretEntry e) {
    GeneratorSpec g = e.generator();
    if (g == null) {
      return token(40); // a vendor-issued token keyturn does not generate
    }
    if (DatabaseType.of(g.type()).isPresent()) {
      return databaseCredential(e, DatabaseType.of(g.type()).get());
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

  /**
   * A database entry gets the RDS/ElastiCache shape for a server on this machine (the demo rotates
   * one against a real PostgreSQL when it can start one, see DemoDatabase).
   */
  private String databaseCredential(SecretEntry e, DatabaseType type) {
    Engine engine =
        type.engines().contains(Engine.POSTGRES)
            ? Engine.POSTGRES
            : type.engines().iterator().next();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("engine", engine.names().getFirst());
    value.put("host", "127.0.0.1");
    value.put("port", engine.defaultPort());
    value.put("username", "raptor");
    value.put("password", token(32));
    if (engine != Engine.REDIS) {
      value.put("dbname", "raptor");
    }
    value.put("ssl", false);
    if (type.alternating()) {
      value.put("masterarn", e.source().id() + "-master");
    }
    return Json.write(value);
  }

  private String token(int length) {
    return random.characters(
        length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
  }
}
