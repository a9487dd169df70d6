package dev.keyturn.sync.it;

import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.sync.Events;
import dev.keyturn.sync.SyncHandler;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The sync function as Lambda runs it: a handler with its own application context, invoked with
 * event JSON, against moto, DynamoDB Local and the Heroku stand-in.
 */
@WithLocalAws
@WithHerokuStandIn
abstract class SyncFunctionTestBase {

  static final String TOKEN_SECRET = "keyturn/it/heroku-token";

  static ApplicationContext context;
  static SyncHandler handler;
  static SecretsManagerClient secretsManager;
  static SsmClient ssm;

  protected HerokuStandIn heroku;
  protected LocalAws aws;

  @BeforeAll
  static void startFunction(HerokuStandIn standIn) {
    secretsManager = SecretsManagerClient.create();
    ssm = SsmClient.create();
    String token = SeededSecrets.register(standIn.defaultToken());
    secretsManager.createSecret(b ->
        b.name(TOKEN_SECRET)
            .secretString(
                Json.write(Map.of("authorizationId", "it-authorization", "token", token))));
    context = ApplicationContext.run(functionConfig(standIn));
    handler = new SyncHandler(context);
  }

  /** What template.yaml's environment gives the function, with short timeouts for the faults. */
  static Map<String, Object> functionConfig(HerokuStandIn standIn) {
    return Map.of(
        "heroku.api-url", standIn.baseUrl().toString(),
        "heroku.api-token-secret", TOKEN_SECRET,
        "heroku.request-timeout", "400ms",
        "heroku.retry.base-delay", "5ms",
        "heroku.retry.max-delay", "20ms",
        "keyturn.sync.lease-wait", "10s");
  }

  @AfterAll
  static void stopFunction() {
    context.close();
    secretsManager.close();
    ssm.close();
  }

  @BeforeEach
  void setUp(HerokuStandIn standIn, LocalAws localAws) {
    heroku = standIn;
    aws = localAws;
    AwsCallCounter.reset();
  }

  SyncWorld world(int apps, int secrets, int parameters) {
    return new SyncWorld(aws, heroku, secretsManager, ssm)
        .withApps(apps, secrets, parameters)
        .seed();
  }

  static Map<String, Object> invoke(String fixture) {
    return handler.handleRequest(Events.map(fixture), null);
  }

  static Map<String, Object> invoke(Map<String, Object> event) {
    return handler.handleRequest(event, null);
  }

  long patches(String app) {
    return heroku.count("PATCH", "/apps/" + app + "/config-vars");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A fixture event with the fixture's secret id replaced by this world's. */
  static Map<String, Object> event(String fixture, String fixtureId, String id) {
    return Json.map(Events.json(fixture).replace(fixtureId, id));
  }

  static <T> T await(CountDownLatch start, java.util.function.Supplier<T> work) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return work.get();
  }

  void awaitAnswered(String method, String path, long count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (heroku.count(method, path) < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
