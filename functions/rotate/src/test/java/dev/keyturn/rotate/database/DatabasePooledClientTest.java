package dev.keyturn.rotate.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.connection.Engine;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.local.db.client.PooledClient;
import dev.keyturn.rotate.support.DatabaseWorld;
import dev.keyturn.rotate.support.ManagedDatabase;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.db.WithDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An app holding a connection pool keeps querying while its secret rotates: a loop of queries on
 * four threads, the pool logging in anew every 50 ms with the AWSCURRENT value it last read
 * (re-read every 100 ms). Alternating users: not one query fails and the server refuses not one
 * login. Single user: new logins are refused from setSecret until the app has read the new
 * AWSCURRENT (the pool mostly hides that behind its connection timeout); that window is measured
 * and written to {@code target/database-failure-window.md} (a measurement, not an assertion; the
 * benchmark has the figures).
 */
@WithLocalAws
@WithDatabases
class DatabasePooledClientTest {

  private static final Duration REFRESH = Duration.ofMillis(100);
  private static final Duration CHURN = Duration.ofMillis(50);

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
  @EnumSource(
      value = DatabaseType.class,
      names = {"POSTGRES_ALTERNATING_USERS", "MYSQL_ALTERNATING_USERS", "REDIS_ALTERNATING_USERS"})
  void alternatingRotation_underAPooledClient_failsNoQuery(DatabaseType type) throws Exception {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);

    try (PooledClient app = open(s)) {
      app.start(4, CHURN);
      pause(Duration.ofMillis(500));
      app.resetStats();
      for (int rotation = 0; rotation < 2; rotation++) {
        String token = fn.driver.startRotation(s.arn());
        fn.run.allSteps(s.arn(), token);
        SecretParts.register(type.type(), fn.driver.valueOf(s.arn(), token));
        pause(Duration.ofMillis(300));
      }
      PooledClient.Stats stats = app.stop();

      assertThat(stats.failedQueries()).as("queries that failed during two rotations").isEmpty();
      assertThat(stats.refusedLogins()).as("logins the server refused").isEmpty();
      assertThat(stats.queries()).isPositive();
      assertThat(stats.logins())
          .as("the pool logged in anew during the rotations")
          .isGreaterThan(10);
      assertThat(stats.user())
          .as("the app ended on the rotated credential")
          .isEqualTo(s.app().user());
    }
    fn.events.drain();
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseType.class,
      names = {"POSTGRES_SINGLE_USER", "MYSQL_SINGLE_USER", "REDIS_SINGLE_USER"})
  void singleUserRotation_failsNewLoginsOnlyFromSetSecretUntilTheAppReadsTheNewValue(
      DatabaseType type) throws Exception {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String token = fn.driver.startRotation(s.arn());

    try (PooledClient app = open(s)) {
      app.start(4, CHURN);
      pause(Duration.ofMillis(500));
      app.resetStats();
      fn.run.step("createSecret", s.arn(), token);
      Instant setSecret = Instant.now();
      fn.run.step("setSecret", s.arn(), token);
      fn.run.step("testSecret", s.arn(), token);
      fn.run.step("finishSecret", s.arn(), token);
      Instant finished = Instant.now();
      SecretParts.register(type.type(), fn.driver.valueOf(s.arn(), token));
      pause(Duration.ofMillis(800));
      PooledClient.Stats stats = app.stop();

      // a login that began with the old value just before the app's refresh is refused when it
      // completes, which on a busy machine can be seconds later: the bound allows for it
      Instant latest = finished.plus(REFRESH).plusSeconds(10);
      assertThat(stats.refusedLogins())
          .as("the old password stops working at setSecret: a brief window, as AWS documents")
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.at()).isBetween(setSecret, latest));
      assertThat(stats.failedQueries())
          .as("every failed query falls between setSecret and the app's next refresh")
          .allSatisfy(f -> assertThat(f.at()).isBetween(setSecret, latest));
      assertThat(stats.queries()).isPositive();
      record(type, stats, Duration.between(setSecret, finished));
    }
    fn.events.drain();
  }

  private static PooledClient open(ManagedDatabase s) {
    boolean redis = DatabaseWorld.engine(s.type()) == Engine.REDIS;
    return PooledClient.open(
        fn.driver.secretsManager(),
        s.arn(),
        TestCertificates.shared().caBundle(),
        redis ? "app:item:1" : "SELECT name FROM items WHERE id = 1",
        REFRESH);
  }

  private static void record(DatabaseType type, PooledClient.Stats stats, Duration rotation)
      throws IOException {
    Path report = Path.of("target", "database-failure-window.md");
    if (!Files.exists(report)) {
      Files.writeString(
          report,
          "| type | refused logins | failed queries | of | failure window |"
              + " setSecret..finishSecret |\n"
              + "|---|---|---|---|---|---|\n");
    }
    Files.writeString(
        report,
        "| "
            + type.type()
            + " | "
            + stats.refusedLogins().size()
            + " | "
            + stats.failedQueries().size()
            + " | "
            + (stats.queries() + stats.failedQueries().size())
            + " | "
            + stats.failureWindow().toMillis()
            + " ms | "
            + rotation.toMillis()
            + " ms |\n",
        StandardOpenOption.APPEND);
  }

  private static void pause(Duration d) throws InterruptedException {
    Thread.sleep(d);
  }
}
