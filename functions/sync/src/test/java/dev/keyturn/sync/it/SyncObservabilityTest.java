package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.sync.Events;
import dev.keyturn.sync.SyncHandler;
import dev.keyturn.sync.SyncIncompleteException;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What the sync function tells CloudWatch, through the handler in a context built the way Lambda
 * builds it (micronaut-function-aws's builder: environments function and lambda, eager singletons),
 * against moto, DynamoDB Local and the Heroku stand-in.
 */
@WithLocalAws
@WithHerokuStandIn
class SyncObservabilityTest {

  private static final String TOKEN_SECRET = "keyturn/obs/heroku-token";
  private static final String FUNCTION = "keyturn-sync-observed";

  private static ApplicationContext context;
  private static SyncHandler handler;
  private static SecretsManagerClient secretsManager;
  private static SsmClient ssm;

  private SyncWorld world;
  private HerokuStandIn heroku;

  @BeforeAll
  static void startFunction(HerokuStandIn standIn) {
    secretsManager = SecretsManagerClient.create();
    ssm = SsmClient.create();
    String token = SeededSecrets.register(standIn.defaultToken());
    secretsManager.createSecret(b -> b.name(TOKEN_SECRET).secretString(token));
    Map<String, Object> config = new HashMap<>();
    config.put("heroku.api-url", standIn.baseUrl().toString());
    config.put("heroku.api-token-secret", TOKEN_SECRET);
    config.put("heroku.retry.base-delay", "5ms");
    config.put("heroku.retry.max-delay", "20ms");
    config.put("aws.lambda.function.name", FUNCTION);
    context = new LambdaApplicationContextBuilder().properties(config).start();
    handler = new SyncHandler(context);
  }

  @AfterAll
  static void stopFunction() {
    context.close();
    secretsManager.close();
    ssm.close();
  }

  @BeforeEach
  void seed(LocalAws aws, HerokuStandIn standIn) {
    heroku = standIn;
    world = new SyncWorld(aws, standIn, secretsManager, ssm).withApps(2, 2, 1).seed();
  }

  private Map<String, Object> invoke(String fixture, String requestId) {
    return handler.handleRequest(Events.map(fixture), LocalLambdaContext.of(FUNCTION, requestId));
  }

  @Test
  void aScheduledSync_emitsVarsChangedAndReleases_forTheFunction_inOneLine() {
    world.createApps(Map.of(world.app(0), world.inLine(world.app(0))));
    world.rotate(world.vars.get(0));
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    invoke("scheduled", "req-sync-1");

    List<JsonNode> lines = telemetry.emf("VarsChanged");
    assertThat(lines).hasSize(1);
    JsonNode line = lines.get(0);
    // app 0: the rotated var; app 1 (new): its 3 vars
    assertThat(line.path("VarsChanged").asLong()).isEqualTo(4);
    assertThat(line.path("Releases").asLong()).isEqualTo(2);
    assertThat(line.path("SyncFailures").asLong()).isZero();
    assertThat(line.path("FunctionName").asText()).isEqualTo(FUNCTION);
    assertThat(line.path("AWSRequestId").asText()).isEqualTo("req-sync-1");
  }

  @Test
  void everyKeyturnLogEvent_carriesTheRequestIdAndFunctionName() {
    world.createApps(Map.of());
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    invoke("scheduled", "req-sync-logs");

    assertThat(telemetry.keyturnLogs())
        .isNotEmpty()
        .allSatisfy(text ->
            assertThat(text)
                .contains("AWSRequestId=req-sync-logs")
                .contains("AWSFunctionName=" + FUNCTION));
  }

  @Test
  void aSyncLeftIncomplete_emitsSyncFailures_beforeTheInvocationFails() {
    world.createApps(Map.of());
    heroku.failNext(16, 503);
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    assertThatThrownBy(() -> invoke("scheduled", "req-sync-failing"))
        .isInstanceOf(SyncIncompleteException.class);

    List<JsonNode> lines = telemetry.emf("SyncFailures");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).path("SyncFailures").asLong()).isEqualTo(2);
    assertThat(lines.get(0).path("Releases").asLong()).isZero();
  }

  @Test
  void aDryRun_emitsNoMetrics() {
    world.createApps(Map.of());
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    Map<String, Object> answer =
        handler.handleRequest(
            Json.map(Json.write(Map.of("dryRun", true, "app", world.app(0)))),
            LocalLambdaContext.of(FUNCTION, "req-dry"));

    assertThat(answer).containsEntry("dryRun", true);
    assertThat(telemetry.emf()).isEmpty();
  }
}
