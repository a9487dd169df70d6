package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.sync.Events;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.lambda.LambdaInvocationException;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.lambda.WarmSandbox;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Loads the shaded jar through the Lambda Java runtime's own loader and invokes {@code
 * dev.keyturn.sync.SyncHandler} with raw event JSON, as Lambda would, against moto, DynamoDB Local
 * and the Heroku stand-in.
 */
@WithLocalAws
@WithHerokuStandIn
class SyncLambdaJarIT {

  private static final String TOKEN_SECRET = "keyturn/jar-it/heroku-token";
  private static final String FUNCTION_NAME = "keyturn-sync-jar-it";
  private static LambdaRuntimeHarness fn;
  private static SecretsManagerClient secretsManager;
  private static SsmClient ssm;

  private SyncWorld world;
  private HerokuStandIn heroku;

  @BeforeAll
  static void load(HerokuStandIn standIn) {
    TemplateFunction function = TemplateFunction.of("SyncFunction");
    Path jar = function.codeUri();
    assertThat(Files.isRegularFile(jar)).as("shaded jar built in package: " + jar).isTrue();
    secretsManager = SecretsManagerClient.create();
    ssm = SsmClient.create();
    String token = SeededSecrets.register(standIn.defaultToken());
    secretsManager.createSecret(b -> b.name(TOKEN_SECRET).secretString(token));
    // what template.yaml's environment gives the function, as JVM-wide properties here
    System.setProperty("heroku.api-url", standIn.baseUrl().toString());
    System.setProperty("heroku.api-token-secret", TOKEN_SECRET);
    System.setProperty("aws.lambda.function.name", FUNCTION_NAME);
    System.setProperty("keyturn.sync.release-poll", "50ms");
    fn = LambdaRuntimeHarness.load(jar, function.handler());
  }

  @AfterAll
  static void close() {
    if (fn != null) {
      fn.close();
    }
    System.clearProperty("heroku.api-url");
    System.clearProperty("heroku.api-token-secret");
    System.clearProperty("aws.lambda.function.name");
    System.clearProperty("keyturn.sync.release-poll");
    secretsManager.close();
    ssm.close();
  }

  @BeforeEach
  void seed(LocalAws aws, HerokuStandIn standIn) {
    heroku = standIn;
    world = new SyncWorld(aws, standIn, secretsManager, ssm).withApps(2, 2, 1).seed();
    world.createApps(Map.of());
  }

  @Test
  void scheduledEvent_publishesEveryApp_inOnePatchEach() {
    Map<String, Object> report = Json.map(fn.invoke(Events.json("scheduled")));

    assertThat(report).containsEntry("trigger", "schedule");
    for (int a = 0; a < 2; a++) {
      assertThat(world.herokuMatchesSources(world.app(a))).isTrue();
      assertThat(heroku.count("PATCH", "/apps/" + world.app(a) + "/config-vars")).isEqualTo(1);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void releases_arePolled_aSucceededOneConfirmed_aFailedOneCountedForTheAlarm() {
    heroku.releasePhase(world.app(0), 2, "succeeded");
    heroku.releasePhase(world.app(1), 1, "failed");
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    Map<String, Object> report = Json.map(fn.invoke(Events.json("scheduled")));

    Map<String, String> statuses = new java.util.TreeMap<>();
    for (Map<String, Object> app : (List<Map<String, Object>>) report.get("apps")) {
      statuses.put((String) app.get("app"), (String) app.get("releaseStatus"));
    }
    assertThat(statuses)
        .containsEntry(world.app(0), "succeeded")
        .containsEntry(world.app(1), "failed");
    assertThat(telemetry.emf("ReleaseFailures").getFirst().path("ReleaseFailures").asLong())
        .isEqualTo(1);
    heroku.assertNoContractViolations();
  }

  @Test
  void dryRun_answersWithAMaskedPlan() {
    String response = fn.invoke(Json.write(Map.of("dryRun", true, "app", world.app(0))));

    assertThat(heroku.count("PATCH", "/apps/" + world.app(0) + "/config-vars")).isZero();
    for (String value : SeededSecrets.values()) {
      assertThat(response.contains(value)).as("no seeded value in the answer").isFalse();
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> apps = (List<Map<String, Object>>) Json.map(response).get("apps");
    assertThat(apps)
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("outcome", "planned"));
  }

  @Test
  void ssmParameterChange_eventJson_isAccepted() {
    SyncWorld.Var param = world.vars.stream().filter(SyncWorld.Var::ssm).findFirst().orElseThrow();
    String event =
        Events.json("ssm-parameter-change")
            .replace("/keyturn/prod/freescout-api-token", param.sourceId());

    Map<String, Object> report = Json.map(fn.invoke(event));

    assertThat(report).containsEntry("trigger", "ssm-change");
    assertThat(heroku.hasConfigVar(param.app(), param.var(), world.value(param))).isTrue();
  }

  @Test
  void anIncompleteEventSync_failsTheInvocation_soLambdaRetriesIt() {
    heroku.failNext(8, 503);

    assertThatThrownBy(() -> fn.invoke(Events.json("scheduled")))
        .isInstanceOfSatisfying(
            LambdaInvocationException.class,
            e -> assertThat(e.errorType()).endsWith("SyncIncompleteException"));
  }

  @Test
  void anEventItDoesNotHandle_isAnsweredWithTheReason() {
    String response = fn.invoke("{\"detail-type\":\"EC2 Instance State-change\",\"detail\":{}}");

    assertThat(Json.map(response)).containsEntry("ignored", "unrecognised event type");
  }

  @Test
  void theJarsLogLines_areJson_carryingRequestIdFunctionNameAndTraceId_asDoesItsMetricLine() {
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    fn.invoke(Events.json("scheduled"));

    List<JsonNode> logs =
        telemetry.jsonLogs().stream()
            .filter(l -> l.path("logger_name").asText().startsWith("dev.keyturn."))
            .toList();
    assertThat(logs).isNotEmpty();
    String requestId = logs.get(0).path("AWSRequestId").asText();
    assertThat(requestId).isNotBlank();
    assertThat(logs)
        .allSatisfy(line -> {
          assertThat(line.path("AWSRequestId").asText()).isEqualTo(requestId);
          assertThat(line.path("AWSFunctionName").asText()).isEqualTo(FUNCTION_NAME);
          assertThat(line.path("AWS-XRAY-TRACE-ID").asText()).startsWith("1-");
          assertThat(line.has("message") && line.has("level")).isTrue();
        });
    List<JsonNode> metrics = telemetry.emf("VarsChanged");
    assertThat(metrics).hasSize(1);
    assertThat(metrics.get(0).path("AWSRequestId").asText()).isEqualTo(requestId);
    assertThat(metrics.get(0).path("FunctionName").asText()).isEqualTo(FUNCTION_NAME);
    assertThat(metrics.get(0).path("Releases").asLong()).isEqualTo(2);
  }

  @Test
  void twoInvocations_logUnderTwoRequestIds() {
    CapturedTelemetry first = CapturedTelemetry.start();
    fn.invoke(Events.json("scheduled"));
    String firstId = first.jsonLogs().get(0).path("AWSRequestId").asText();
    CapturedTelemetry second = CapturedTelemetry.start();

    fn.invoke(Events.json("scheduled"));

    assertThat(second.jsonLogs())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.path("AWSRequestId").asText()).isNotEqualTo(firstId));
  }

  @Test
  void aWarmSandbox_keepsNoInvocationsContextAsABean() {
    for (int i = 0; i < 200; i++) {
      fn.invoke("{\"detail-type\":\"EC2 Instance State-change\",\"detail\":{}}");
    }

    assertThat(WarmSandbox.beanDefinitions(fn, "com.amazonaws.services.lambda.runtime.Context"))
        .isZero();
    assertThat(
            WarmSandbox.beanDefinitions(fn, "com.amazonaws.services.lambda.runtime.LambdaLogger"))
        .isZero();
  }
}
