package dev.keyturn.rotate.database;

import static dev.keyturn.rotate.support.DatabaseWorld.logsIn;
import static dev.keyturn.rotate.support.DatabaseWorld.readsAppData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.rotate.RotateHandler;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.support.DatabaseWorld;
import dev.keyturn.rotate.support.ManagedDatabase;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.db.DatabaseServers;
import dev.keyturn.testing.db.WithDatabases;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The six database types rotating end to end through {@link RotateHandler}, from event JSON,
 * against moto, DynamoDB Local and real PostgreSQL, MariaDB and Redis servers. Every class run also
 * checks the servers' own logs for every password (the leak guard of {@code @WithDatabases}).
 */
@WithLocalAws
@WithDatabases
class DatabaseRotationFlowTest {

  private static RotateFunctionFixture fn;

  @BeforeAll
  static void start(LocalAws aws) {
    DatabaseWorld.trustTestCa();
    fn = RotateFunctionFixture.start(aws, null);
  }

  @AfterAll
  static void stop() {
    fn.close();
  }

  @ParameterizedTest
  @EnumSource(DatabaseType.class)
  void fullRotation_makesTheNewPasswordLive_andKeepsWhatTheStrategyPromises(DatabaseType type) {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String token = fn.driver.startRotation(s.arn());

    for (String step : RotationRun.STEPS) {
      fn.run.step(step, s.arn(), token);
      fn.run.step(step, s.arn(), token); // every step is safe to repeat
    }

    String newValue = rotated(type, s, token);
    ConnectionSecret next = ConnectionSecret.parse(newValue);
    ConnectionSecret old = s.first();
    assertThat(fn.driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(readsAppData(next)).isEqualTo("first");
    assertThat(next.password().equals(old.password())).isFalse();
    if (type.alternating()) {
      assertThat(next.username()).isEqualTo(old.username() + "_clone");
      assertThat(logsIn(old)).as("the previous user still works: no downtime").isTrue();
    } else {
      assertThat(next.username()).isEqualTo(old.username());
      assertThat(logsIn(old)).as("the old password is gone").isFalse();
    }
    assertThat(Json.tree(newValue).path("dbInstanceIdentifier").asText())
        .as("fields the rotation does not own are kept")
        .isEqualTo(Json.tree(s.app().value()).path("dbInstanceIdentifier").asText());
    assertThat(next.masterArn()).isEqualTo(old.masterArn());
    assertThat(next.host()).isEqualTo(old.host());
    assertThat(next.port()).isEqualTo(old.port());
    assertThat(s.app().masterPassword() != null && newValue.contains(s.app().masterPassword()))
        .as("the master credential never enters the value")
        .isFalse();
    RotationGenerators.forValidation().get(type.type()).checkWellFormed(newValue, Map.of());
    assertThat(fn.events.drain())
        .filteredOn(e -> e.detailType().equals("SecretRotated"))
        .singleElement()
        .satisfies(e -> assertThat(e.raw().contains(next.password())).isFalse());
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseType.class,
      names = {"POSTGRES_ALTERNATING_USERS", "MYSQL_ALTERNATING_USERS", "REDIS_ALTERNATING_USERS"})
  void alternatingUsers_secondRotation_returnsToTheOriginal_andThePreviousUserKeepsWorking(
      DatabaseType type) {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String first = fn.driver.startRotation(s.arn());
    fn.run.allSteps(s.arn(), first);
    ConnectionSecret clone = ConnectionSecret.parse(rotated(type, s, first));
    String second = fn.driver.startRotation(s.arn());

    fn.run.allSteps(s.arn(), second);

    ConnectionSecret original = ConnectionSecret.parse(rotated(type, s, second));
    assertThat(original.username()).isEqualTo(s.first().username());
    assertThat(readsAppData(original)).isEqualTo("first");
    assertThat(logsIn(clone)).as("AWSPREVIOUS (the clone) still works").isTrue();
    assertThat(logsIn(s.first())).as("the original's first password is gone").isFalse();
    if (type == DatabaseType.REDIS_ALTERNATING_USERS) {
      assertThat(withoutPasswords(DatabaseServers.redis().aclOf(clone.username())))
          .isEqualTo(withoutPasswords(DatabaseServers.redis().aclOf(original.username())));
      assertThat(DatabaseWorld.redisReadsOutsideItsKeys(clone)).isFalse();
    }
    fn.events.drain();
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseType.class,
      names = {"POSTGRES_SINGLE_USER", "MYSQL_SINGLE_USER", "REDIS_SINGLE_USER"})
  void singleUser_logsInWithAwsPrevious_whenAwsCurrentNoLongerWorks(DatabaseType type) {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String first = fn.driver.startRotation(s.arn());
    fn.run.allSteps(s.arn(), first);
    ConnectionSecret live = ConnectionSecret.parse(rotated(type, s, first));
    // someone stores a password the server never got: AWSCURRENT no longer logs in
    String wrong =
        Json.write(
            Map.of(
                "engine", live.engine().names().getFirst().replace("mysql", "mariadb"),
                "host", live.host(),
                "port", live.port(),
                "username", live.username(),
                "password", SeededSecrets.generate("typed-by-hand"),
                "dbname", live.dbname() == null ? "" : live.dbname()));
    fn.driver.secretsManager().putSecretValue(b -> b.secretId(s.arn()).secretString(wrong));
    String token = fn.driver.startRotation(s.arn());

    fn.run.allSteps(s.arn(), token);

    ConnectionSecret next = ConnectionSecret.parse(rotated(type, s, token));
    assertThat(readsAppData(next)).isEqualTo("first");
    assertThat(logsIn(live)).isFalse();
    fn.events.drain();
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseType.class,
      names = {"POSTGRES_ALTERNATING_USERS", "MYSQL_ALTERNATING_USERS", "REDIS_ALTERNATING_USERS"})
  void sslTrue_rotatesOverVerifiedTls_forUsersTheServerRefusesWithoutTls(DatabaseType type) {
    ManagedDatabase s = ManagedDatabase.create(fn, type, true, true);
    String token = fn.driver.startRotation(s.arn());

    fn.run.allSteps(s.arn(), token);

    ConnectionSecret clone = ConnectionSecret.parse(rotated(type, s, token));
    assertThat(clone.ssl()).isTrue();
    assertThat(readsAppData(clone)).isEqualTo("first");
    if (type != DatabaseType.REDIS_ALTERNATING_USERS) {
      ConnectionSecret plain =
          new ConnectionSecret(
              clone.engine(),
              clone.host(),
              clone.port(),
              clone.username(),
              clone.password(),
              clone.dbname(),
              null,
              false);
      assertThat(logsIn(plain)).as("the clone inherited the TLS requirement").isFalse();
    }
    fn.events.drain();
  }

  @Test
  void anUntrustedServerCertificate_failsSetSecret_andChangesNothing(@TempDir Path dir) {
    ManagedDatabase s =
        ManagedDatabase.create(fn, DatabaseType.POSTGRES_ALTERNATING_USERS, true, false);
    String token = fn.driver.startRotation(s.arn());
    String trusted = System.getProperty("keyturn.database.ca-bundle");
    System.setProperty(
        "keyturn.database.ca-bundle", TestCertificates.generate(dir).caBundle().toString());
    RotateHandler distrusting = new RotateHandler();
    System.setProperty("keyturn.database.ca-bundle", trusted);
    try {
      RotationRun run = new RotationRun(distrusting);
      run.step("createSecret", s.arn(), token);

      assertThatThrownBy(() -> run.step("setSecret", s.arn(), token))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageContaining("postgres at 127.0.0.1");
    } finally {
      distrusting.close();
    }
    ConnectionSecret pending = ConnectionSecret.parse(fn.driver.valueOf(s.arn(), token));
    SecretParts.register(s.type().type(), fn.driver.valueOf(s.arn(), token));
    assertThat(logsIn(pending)).isFalse();
    assertThat(logsIn(s.first())).isTrue();
    assertThat(fn.driver.stages(s.arn()).get(s.firstVersion())).containsExactly("AWSCURRENT");
  }

  @Test
  void aPendingValueForAnotherUser_isRefusedBySetSecret_andThatUserKeepsItsPassword() {
    ManagedDatabase s = ManagedDatabase.create(fn, DatabaseType.POSTGRES_SINGLE_USER, null, false);
    String victimPassword = SeededSecrets.generate("victim");
    DatabaseServers.postgres().createLoginRole("victim_" + s.app().user(), victimPassword);
    ConnectionSecret first = s.first();
    String token = UUID.randomUUID().toString();
    String tampered =
        Json.write(
            Map.of(
                "engine", "postgres",
                "host", first.host(),
                "port", first.port(),
                "username", "victim_" + s.app().user(),
                "password", SeededSecrets.generate("tampered"),
                "dbname", first.dbname()));
    fn.driver.startRotation(s.arn()); // rotation on; the tampered version takes AWSPENDING
    fn.driver
        .secretsManager()
        .putSecretValue(b ->
            b.secretId(s.arn())
                .clientRequestToken(token)
                .secretString(tampered)
                .versionStages("AWSPENDING"));

    assertThatThrownBy(() -> fn.run.step("setSecret", s.arn(), token))
        .isInstanceOf(CredentialMismatchException.class)
        .hasMessageContaining("may only set '" + s.app().user() + "'");
    ConnectionSecret victim =
        new ConnectionSecret(
            first.engine(),
            first.host(),
            first.port(),
            "victim_" + s.app().user(),
            victimPassword,
            "postgres",
            null,
            null);
    assertThat(logsIn(victim)).isTrue();
  }

  @Test
  void alternatingUsers_withoutAMasterArn_stopAtCreateSecret_namingTheProblem() {
    ManagedDatabase s = ManagedDatabase.create(fn, DatabaseType.MYSQL_SINGLE_USER, null, false);
    var entry =
        dev.keyturn.rotate.fakes.Entries.secretsManager(
            s.entry().name() + "_ALT",
            "keyturn/test/no-master-" + UUID.randomUUID(),
            DatabaseType.MYSQL_ALTERNATING_USERS.type(),
            Map.of());
    var created = fn.managedSecret(entry, s.app().value());
    String token = fn.driver.startRotation(created.arn());

    assertThatThrownBy(() -> fn.run.step("createSecret", created.arn(), token))
        .isInstanceOf(CorruptCurrentValueException.class)
        .hasMessageContaining("'masterarn' is missing")
        .hasMessageNotContaining(s.first().password());
    assertThat(logsIn(s.first())).isTrue();
  }

  /** The new AWSCURRENT value of a rotation, registered with the leak guard. */
  private static String rotated(DatabaseType type, ManagedDatabase s, String token) {
    String value = fn.driver.valueOf(s.arn(), token);
    SecretParts.register(type.type(), value);
    return value;
  }

  private static String withoutPasswords(String aclLine) {
    return String.join(
        " ",
        java.util.Arrays.stream(aclLine.split(" "))
            .skip(2)
            .filter(rule -> !rule.startsWith("#"))
            .toList());
  }
}
