package dev.keyturn.cli.demo;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.ConnectionUrl;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.db.PostgresServer;
import dev.keyturn.local.db.ServerNotInstalledException;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.local.db.client.PooledClient;
import dev.keyturn.rotate.RotateHandler;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.sync.plan.Mask;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The demo's database step: the inventory's {@code postgres-alternating-users} entry rotated
 * against a real PostgreSQL this class starts (the Debian package; skipped with one line when it is
 * not installed), while an app's connection pool keeps querying. Passwords stay in memory.
 */
final class DemoDatabase implements AutoCloseable {

  static final String TYPE = "postgres-alternating-users";
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final RandomSource random = new RandomSource();
  private PostgresServer postgres;
  private TestCertificates certificates;

  /** Rotates {@code entry}; returns false (having said why) when PostgreSQL is not installed. */
  boolean rotate(
      SecretEntry entry, ApplicationContext context, LocalAws aws, Path workDir, Narrator say)
      throws Exception {
    try {
      Path tls = Files.createDirectories(workDir.resolve("postgres-tls"));
      certificates = TestCertificates.generate(tls);
      postgres = PostgresServer.start(certificates);
    } catch (ServerNotInstalledException missing) {
      say.step("Rotate " + entry.name() + " (" + TYPE + "): skipped, " + missing.getMessage());
      return false;
    }
    say.step("Rotate " + entry.name() + " (" + TYPE + ") against a real PostgreSQL");
    String secretId = entry.source().id();
    SecretsManagerClient secrets = context.getBean(SecretsManagerClient.class);
    String masterArn = seed(secretId, secrets, context);
    say.detail(
        "PostgreSQL on 127.0.0.1:%d; users raptor (the app) and raptor_master", postgres.port());
    say.detail("master secret %s holds the master credential; AWSCURRENT names it", masterArn);
    try (PooledClient app =
        PooledClient.open(
            secrets,
            secretId,
            certificates.caBundle(),
            "SELECT count(*) FROM items",
            Duration.ofMillis(100))) {
      app.start(2, Duration.ofMillis(50));
      new DemoRotation(context.getBean(RotationStarter.class), new RotateHandler(context), aws)
          .rotate(entry, say);
      Thread.sleep(300);
      PooledClient.Stats stats = app.stop();
      ConnectionSecret now =
          ConnectionSecret.parse(secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
      ConnectionSecret before =
          ConnectionSecret.parse(
              secrets
                  .getSecretValue(b -> b.secretId(secretId).versionStage("AWSPREVIOUS"))
                  .secretString());
      say.detail(
          "AWSCURRENT is user %s now; AWSPREVIOUS (%s) still logs in: %s",
          now.username(), before.username(), logsIn(before));
      say.detail(
          "the app's pool during the rotation: %d queries, %d failed, %d logins refused",
          stats.queries(), stats.failedQueries().size(), stats.refusedLogins().size());
      say.detail("DATABASE_URL (format: url) for Heroku: %s", Mask.of(ConnectionUrl.of(now)));
      if (!stats.failedQueries().isEmpty() || !logsIn(now) || !logsIn(before)) {
        throw new DemoRun.DemoFailedException("the alternating-users rotation was not seamless");
      }
      say.ok("%s created and live, zero failed queries", now.username());
    }
    return true;
  }

  /** The app's users and data, the master secret, and AWSCURRENT for this server. */
  private String seed(String secretId, SecretsManagerClient secrets, ApplicationContext context)
      throws SQLException {
    String appPassword = random.characters(32, ALPHABET);
    String masterPassword = random.characters(32, ALPHABET);
    postgres.createLoginRole("raptor", appPassword);
    postgres.createLoginRole("raptor_master", masterPassword);
    postgres.admin("postgres", "ALTER ROLE raptor_master CREATEROLE");
    postgres.createDatabase("raptor", "raptor");
    try (Connection c = postgres.connect("raptor", appPassword, "raptor", false);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE items AS SELECT generate_series(1, 3) AS id");
    }
    // create-if-absent: an SDK retry of a create the emulator applied late is success
    String masterName = secretId + "-master";
    context
        .getBean(SecretCreator.class)
        .createIfAbsent(
            masterName,
            Json.write(Map.of("username", "raptor_master", "password", masterPassword)),
            Map.of());
    String masterArn = context.getBean(SecretDescriber.class).require(masterName).arn();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("engine", "postgres");
    value.put("host", postgres.host());
    value.put("port", postgres.port());
    value.put("username", "raptor");
    value.put("password", appPassword);
    value.put("dbname", "raptor");
    value.put("masterarn", masterArn);
    // plain TCP on loopback: the demo's rotate context has no CA bundle configured
    value.put("ssl", false);
    secrets.putSecretValue(b -> b.secretId(secretId).secretString(Json.write(value)));
    return masterArn;
  }

  private boolean logsIn(ConnectionSecret s) {
    try (Connection c = postgres.connect(s.username(), s.password(), s.dbname(), false)) {
      return true;
    } catch (SQLException refused) {
      return false;
    }
  }

  @Override
  public void close() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
