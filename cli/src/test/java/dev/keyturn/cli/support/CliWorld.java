package dev.keyturn.cli.support;

import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The CLI tests' world: secrets and parameters in moto holding registered seeded values, the
 * keyturn event bus, and an inventory that binds them, applied with {@code keyturn apply} as an
 * operator would. One per test class (moto and the table are fresh per class).
 */
public final class CliWorld {

  /** Secrets Manager, hmac-key generator; Heroku + dotenv sinks; prod only. */
  public static final String HMAC = "RX_SESSION_HMAC";

  /** SSM SecureString, random-password generator; Heroku + dotenv sinks; dev only. */
  public static final String STRIPE = "RX_API_PEPPER";

  /** SSM SecureString without a generator and without sinks, expiring in 5 days; dev only. */
  public static final String FREESCOUT = "FS_SUPPORT_API";

  /** Secrets Manager, json-field generator, but its current value is not JSON: rotation fails. */
  public static final String PAIR = "RX_SIGNING_PAIR";

  /**
   * Secrets Manager, operator-assisted (no generator): {"key_id", "secret_key"} issued by Alpaca,
   * published field by field to the dotenv file {@code .env.alpaca}.
   */
  public static final String ALPACA = "ALP_PAPER_TRADING";

  /** Secrets Manager, random-password generator, no sinks, never given a rotation Lambda. */
  public static final String SLACK = "SL_BOT_NOTIFY";

  public static final String APP = "kt-cli-web";
  public static final String HMAC_ID = "kt-cli/session-hmac";
  public static final String STRIPE_ID = "/kt-cli/str-billing-write";
  public static final String FREESCOUT_ID = "/kt-cli/fs-support-api";
  public static final String PAIR_ID = "kt-cli/rx-signing-pair";
  public static final String ALPACA_ID = "kt-cli/alp-paper-trading";
  public static final String SLACK_ID = "kt-cli/sl-bot-notify";
  public static final String TOKEN_SECRET = "kt-cli/heroku-token";

  public final SecretsManagerClient secretsManager = SecretsManagerClient.create();
  public final SsmClient ssm = SsmClient.create();
  public final LocalAws aws;
  public final Path dir;
  public final Path inventory;
  public final Instant freescoutExpiry =
      Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);

  private CliWorld(LocalAws aws, Path dir) {
    this.aws = aws;
    this.dir = dir;
    this.inventory = dir.resolve("inventory.yaml");
  }

  /** Seeds every source with a fresh value, creates the bus and applies the inventory. */
  public static CliWorld seed(LocalAws aws) {
    return seed(aws, "");
  }

  /**
   * As {@link #seed(LocalAws)}, with more inventory entries (YAML list items under {@code
   * secrets:}, indented by two spaces) whose sources the caller has created.
   */
  public static CliWorld seed(LocalAws aws, String moreEntries) {
    return seed(aws, moreEntries, "");
  }

  /**
   * As {@link #seed(LocalAws, String)}, with webhook sources: YAML list items under {@code
   * webhooks:} (indented by two spaces) whose secrets are among the entries.
   */
  public static CliWorld seed(LocalAws aws, String moreEntries, String webhooks) {
    try {
      CliWorld world = new CliWorld(aws, Files.createTempDirectory("keyturn-cli-test"));
      world.seedSources();
      try (EventBridgeClient events = EventBridgeClient.create()) {
        events.createEventBus(b -> b.name("keyturn"));
      }
      Files.writeString(
          world.inventory,
          world.inventoryYaml()
              + moreEntries
              + (webhooks.isEmpty() ? "" : "webhooks:\n" + webhooks));
      CliResult applied = Cli.run("apply", world.inventory.toString());
      if (applied.exit() != 0) {
        throw new IllegalStateException("apply failed: " + applied);
      }
      return world;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void seedSources() {
    secretsManager.createSecret(b -> b.name(HMAC_ID).secretString(SeededSecrets.generate("hmac")));
    secretsManager.createSecret(
        b -> b.name(PAIR_ID).secretString(SeededSecrets.generate("pair-not-json")));
    secretsManager.createSecret(b -> b.name(ALPACA_ID).secretString(alpacaPair()));
    secretsManager.createSecret(
        b -> b.name(SLACK_ID).secretString(SeededSecrets.generate("slack")));
    putParameter(STRIPE_ID, SeededSecrets.generate("stripe"));
    putParameter(FREESCOUT_ID, SeededSecrets.generate("freescout"));
  }

  /** A fresh {"key_id", "secret_key"} pair, both parts registered as seeded values. */
  public static String alpacaPair() {
    return Json.write(
        new java.util.TreeMap<>(
            Map.of(
                "key_id",
                SeededSecrets.generate("alpaca-key-id"),
                "secret_key",
                SeededSecrets.generate("alpaca-secret-key"))));
  }

  public void putParameter(String name, String value) {
    ssm.putParameter(
        b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
  }

  /** Stores the stand-in's token the way the functions read it, and returns the CLI options. */
  public List<String> herokuOptions(HerokuStandIn heroku) {
    String token = SeededSecrets.register(heroku.defaultToken());
    String json = Json.write(Map.of("authorizationId", "cli-test", "token", token));
    try {
      secretsManager.createSecret(b -> b.name(TOKEN_SECRET).secretString(json));
    } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException again) {
      secretsManager.putSecretValue(b -> b.secretId(TOKEN_SECRET).secretString(json));
    }
    return List.of(
        "--heroku-token-secret", TOKEN_SECRET, "--heroku-api-url", heroku.baseUrl().toString());
  }

  /** The AWSCURRENT value of a secret (compare it; never print it). */
  public String secretValue(String id) {
    return secretsManager
        .getSecretValue(b -> b.secretId(id).versionStage("AWSCURRENT"))
        .secretString();
  }

  public String parameterValue(String name) {
    return ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
  }

  public long parameterVersion(String name) {
    return ssm.getParameter(b -> b.name(name)).parameter().version();
  }

  public Map<String, List<String>> stages(String id) {
    return secretsManager.describeSecret(b -> b.secretId(id)).versionIdsToStages();
  }

  public String currentVersion(String id) {
    return stages(id).entrySet().stream()
        .filter(e -> e.getValue().contains("AWSCURRENT"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private String inventoryYaml() {
    return """
    version: 1
    vendors:
      - code: RX
        name: Raxx
      - code: FS
        name: FreeScout
    functions: [session-signing, {name: support-api, issuedBy: vendor}]
    secrets:
      - name: %s
        source: {secretsManager: %s}
        tags: {function: session-signing, sensitivity: high, consumer: raptor, rotation: 90d}
        environments: [prod]
        generator: {type: hmac-key, format: hex}
        expiresAt: non-expiring
        scopes: [session signing]
        sinks:
          - heroku: {app: %s, var: SESSION_HMAC}
          - dotenv: {file: .env.local, var: SESSION_HMAC}
      - name: %s
        source: {ssmParameter: %s}
        tags: {function: session-signing, sensitivity: low, consumer: raptor, rotation: 180d}
        environments: [dev]
        devAnalog: a development pepper
        generator: {type: random-password, length: 32}
        expiresAt: non-expiring
        scopes: [api pepper]
        sinks:
          - heroku: {app: %s, var: STRIPE_KEY}
          - dotenv: {file: .env.local, var: STRIPE_RESTRICTED_KEY}
      - name: %s
        source: {ssmParameter: %s}
        tags: {function: support-api, sensitivity: medium, consumer: raptor, rotation: 90d}
        environments: [dev]
        devAnalog: FreeScout sandbox token
        expiresAt: "%s"
        scopes: [support api]
        references: [backend_v2/api/vault.py]
      - name: %s
        source: {secretsManager: %s}
        tags: {function: session-signing, sensitivity: medium, consumer: raptor, rotation: 180d}
        environments: [prod]
        generator: {type: json-field, fields: secret_key, length: 40}
        expiresAt: non-expiring
        scopes: [signing pair]
        references: [backend_v2/api/vault.py]
      - name: %s
        source: {secretsManager: %s}
        tags: {function: notify, sensitivity: medium, consumer: ci, rotation: 30d}
        environments: [prod]
        generator: {type: random-password, length: 24}
        expiresAt: non-expiring
        scopes: [chat:write]
        references: [.github/workflows/notify.yml]
      - name: %s
        source: {secretsManager: %s}
        tags: {function: trading-paper, sensitivity: critical, consumer: raptor, rotation: 180d}
        environments: [prod]
        review: paired review in the test
        expiresAt: non-expiring
        scopes: [paper trading]
        references: [backend_v2/api/vault.py]
    """
        .formatted(
            HMAC,
            HMAC_ID,
            APP,
            STRIPE,
            STRIPE_ID,
            APP,
            FREESCOUT,
            FREESCOUT_ID,
            freescoutExpiry,
            PAIR,
            PAIR_ID,
            SLACK,
            SLACK_ID,
            ALPACA,
            ALPACA_ID);
  }
}
