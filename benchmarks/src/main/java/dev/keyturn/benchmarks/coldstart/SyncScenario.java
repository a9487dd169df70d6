package dev.keyturn.benchmarks.coldstart;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.json.Json;
import dev.keyturn.testing.heroku.HerokuStandIn;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * sync: a {@code SecretRotated} event for one secret bound to one Heroku app. Each run changes the
 * secret's value first, so every run reads it, PATCHes the app (one release) and records it.
 */
final class SyncScenario implements Scenario {

  static final String ENTRY = "RX_COLDSTART_SYNC";
  static final String SECRET = "keyturn/coldstart/sync-one";
  static final String TOKEN_SECRET = "keyturn/coldstart/heroku-token";
  static final String APP = "coldstart-app";

  private final StateSeeder state;
  private final SecretsManagerClient secretsManager;
  private final HerokuStandIn heroku;
  private final SecureRandom random = new SecureRandom();
  private String arn;
  private int requestsBefore;

  SyncScenario(StateSeeder state, SecretsManagerClient secretsManager, HerokuStandIn heroku) {
    this.state = state;
    this.secretsManager = secretsManager;
    this.heroku = heroku;
  }

  @Override
  public String description() {
    return "sync: SecretRotated -> one app, one PATCH";
  }

  @Override
  public String templateFunction() {
    return "SyncFunction";
  }

  @Override
  public String bareHandler() {
    return "dev.keyturn.benchmarks.coldstart.launch.bare.BareSyncHandler";
  }

  @Override
  public Map<String, String> environment() {
    return Map.of(
        "HEROKU_API_URL",
        heroku.baseUrl().toString(),
        "HEROKU_API_TOKEN_SECRET",
        TOKEN_SECRET,
        "AWS_LAMBDA_FUNCTION_NAME",
        "keyturn-sync");
  }

  @Override
  public void seed() {
    heroku.createApp(APP);
    secretsManager.createSecret(b -> b.name(TOKEN_SECRET).secretString(heroku.defaultToken()));
    arn = secretsManager.createSecret(b -> b.name(SECRET).secretString(value())).arn();
    state.add(
        new SecretEntry(
            ENTRY,
            new Source.SecretsManager(SECRET),
            Tags.of("api", "high", "raptor", "90d"),
            List.of("prod"),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            List.of(new Sink.Heroku(APP, "COLDSTART_ONE", null))));
  }

  @Override
  public Map<String, Integer> callsOutsideAws() {
    Map<String, Integer> calls = new java.util.TreeMap<>();
    heroku.requests().stream()
        .skip(requestsBefore)
        .forEach(r -> {
          String route = r.path().substring(r.path().lastIndexOf('/') + 1);
          calls.merge("Heroku." + r.method() + " " + route, 1, Integer::sum);
        });
    return calls;
  }

  @Override
  public String nextEvent() {
    requestsBefore = heroku.requests().size();
    String version =
        secretsManager.putSecretValue(b -> b.secretId(SECRET).secretString(value())).versionId();
    return Json.write(
        Map.of(
            "version", "0",
            "detail-type", "SecretRotated",
            "source", "keyturn.rotate",
            "detail", Map.of("secretName", ENTRY, "secretArn", arn, "versionId", version)));
  }

  private String value() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return "coldstart-" + HexFormat.of().formatHex(bytes);
  }
}
