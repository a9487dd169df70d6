package dev.keyturn.rotate.database;

import static dev.keyturn.rotate.support.DatabaseWorld.logsIn;
import static dev.keyturn.rotate.support.DatabaseWorld.readsAppData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.local.db.client.PooledClient;
import dev.keyturn.rotate.support.DatabaseWorld;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.EventTap;
import dev.keyturn.rotate.support.ManagedDatabase;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.db.WithDatabases;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Lambda runs: the shaded rotate jar, loaded by the Lambda Java runtime's own handler loader
 * with template.yaml's handler, rotating each of the six database types from Secrets Manager's
 * event JSON against moto and the real servers (drivers and Lettuce from the jar, TLS verified
 * against the test CA given as {@code keyturn.database.ca-bundle}). For alternating users an app
 * holding a connection pool queries throughout and sees no failure.
 */
@WithLocalAws
@WithDatabases
class DatabaseRotationLambdaIT {

  private static LambdaRuntimeHarness rotate;
  private static RotateFunctionFixture fn;

  @BeforeAll
  static void load(LocalAws aws) throws Exception {
    DatabaseWorld.trustTestCa();
    System.setProperty("aws.lambda.function.name", "keyturn-rotate-db-it");
    // the fixture's in-process handler is not used here; it provides moto's rotation set-up,
    // the inventory and the event tap
    fn = RotateFunctionFixture.start(aws, null);
    TemplateFunction function = TemplateFunction.of("RotateFunction");
    rotate = LambdaRuntimeHarness.load(function.codeUri(), function.handler());
  }

  @AfterAll
  static void close() {
    rotate.close();
    fn.close();
    System.clearProperty("aws.lambda.function.name");
  }

  @ParameterizedTest
  @EnumSource(DatabaseType.class)
  void shadedJar_rotatesEachDatabaseType_fromEventJson(DatabaseType type) throws Exception {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String token = fn.driver.startRotation(s.arn());
    PooledClient app = type.alternating() ? open(s) : null;
    if (app != null) {
      app.start(4, Duration.ofMillis(50));
    }

    for (String step : RotationRun.STEPS) {
      String response = rotate.invoke(EventJson.rotationStep(step, s.arn(), token));
      assertThat(Json.map(response)).containsEntry("step", step).containsEntry("versionId", token);
    }

    String value = fn.driver.valueOf(s.arn(), token);
    SecretParts.register(type.type(), value);
    ConnectionSecret next = ConnectionSecret.parse(value);
    assertThat(fn.driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(readsAppData(next)).isEqualTo("first");
    assertThat(logsIn(s.first())).isEqualTo(type.alternating());
    assertThat(fn.events.drain())
        .extracting(EventTap.Delivered::detailType)
        .containsExactly("SecretRotated");
    if (app != null) {
      Thread.sleep(300);
      PooledClient.Stats stats = app.stop();
      app.close();
      assertThat(stats.failedQueries()).as("the app's failed queries").isEmpty();
      assertThat(stats.refusedLogins()).as("the app's refused logins").isEmpty();
      assertThat(stats.user()).isEqualTo(next.username());
    }
  }

  private static PooledClient open(ManagedDatabase s) {
    boolean redis = DatabaseWorld.engine(s.type()) == Engine.REDIS;
    return PooledClient.open(
        fn.driver.secretsManager(),
        s.arn(),
        TestCertificates.shared().caBundle(),
        redis ? "app:item:1" : "SELECT name FROM items WHERE id = 1",
        Duration.ofMillis(100));
  }
}
