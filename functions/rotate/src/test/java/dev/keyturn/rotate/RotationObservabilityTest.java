package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.protocol.PendingValueMissingException;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * What the rotate and sweep functions tell CloudWatch, through the real handlers against moto and
 * DynamoDB Local: EMF metric lines on standard output, log events carrying the invocation's request
 * id and function name. The leak guard checks that none of it carries a value.
 */
@WithLocalAws
class RotationObservabilityTest {

  private static final String FUNCTION = "keyturn-rotate-observed";

  private static RotateFunctionFixture fn;
  private static SweepHandler sweep;

  @BeforeAll
  static void start(LocalAws aws) {
    System.setProperty("aws.lambda.function.name", FUNCTION);
    fn = RotateFunctionFixture.start(aws, null);
    sweep = new SweepHandler();
  }

  @AfterAll
  static void stop() {
    fn.close();
    sweep.close();
    System.clearProperty("aws.lambda.function.name");
  }

  private static String managedSecret() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    SecretEntry entry =
        Entries.secretsManager(
            "RX_OBSERVED_" + suffix.toUpperCase(),
            "keyturn/test/observed-" + suffix,
            "hmac-key",
            Map.of());
    return fn.managedSecret(entry, SeededSecrets.generate("observed")).arn();
  }

  private static Map<String, Object> invoke(String step, String arn, String token, String id) {
    return fn.handler.handleRequest(
        EventJson.asLambdaInput(EventJson.rotationStep(step, arn, token)),
        LocalLambdaContext.of("keyturn-rotate", id));
  }

  @Test
  void aCompletedRotation_emitsOneRotationsSucceeded_fromFinishSecret() {
    String arn = managedSecret();
    String token = fn.driver.startRotation(arn);
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    for (String step : RotationRun.STEPS) {
      invoke(step, arn, token, "req-" + step);
    }
    SecretParts.register("hmac-key", fn.driver.valueOf(arn, token));

    List<JsonNode> succeeded = telemetry.emf("RotationsSucceeded");
    assertThat(succeeded).hasSize(1);
    JsonNode line = succeeded.get(0);
    assertThat(line.path("RotationsSucceeded").asLong()).isEqualTo(1);
    assertThat(line.path("FunctionName").asText()).isEqualTo(FUNCTION);
    assertThat(line.path("AWSRequestId").asText()).isEqualTo("req-finishSecret");
    assertThat(telemetry.emf("RotationsFailed")).isEmpty();
  }

  @Test
  void everyLogEventOfAStep_carriesThatInvocationsRequestIdAndFunctionName() {
    String arn = managedSecret();
    String token = fn.driver.startRotation(arn);

    for (String step : RotationRun.STEPS) {
      CapturedTelemetry telemetry = CapturedTelemetry.start();
      invoke(step, arn, token, "req-log-" + step);

      assertThat(telemetry.keyturnLogs())
          .as(step)
          .isNotEmpty()
          .allSatisfy(text ->
              assertThat(text)
                  .contains("AWSRequestId=req-log-" + step)
                  .contains("AWSFunctionName=keyturn-rotate"));
    }
    SecretParts.register("hmac-key", fn.driver.valueOf(arn, token));
  }

  @Test
  void afterAnInvocation_theThreadKeepsNoRequestId() {
    String arn = managedSecret();
    String token = fn.driver.startRotation(arn);

    invoke("createSecret", arn, token, "req-done");

    assertThat(MDC.get("AWSRequestId")).isNull();
    SecretParts.register("hmac-key", fn.driver.valueOf(arn, token));
  }

  @Test
  void aFailedStep_emitsRotationsFailed_byStep_andForTheFunction() {
    String arn = managedSecret();
    String token = fn.driver.startRotation(arn);
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    assertThatThrownBy(() -> invoke("testSecret", arn, token, "req-failing"))
        .isInstanceOf(PendingValueMissingException.class);

    List<JsonNode> failed = telemetry.emf("RotationsFailed");
    assertThat(failed).hasSize(1);
    JsonNode line = failed.get(0);
    assertThat(line.path("Step").asText()).isEqualTo("testSecret");
    assertThat(line.path("AWSRequestId").asText()).isEqualTo("req-failing");
    assertThat(
            Json.MAPPER.convertValue(
                line.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions"), List.class))
        .isEqualTo(List.of(List.of("FunctionName", "Step"), List.of("FunctionName")));
  }

  @Test
  void aSweep_emitsItsCounts_andTheLifeCyclesCounts_inOneLineEach() {
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    sweep.handleRequest(
        EventJson.asLambdaInput(EventJson.resource("scheduled-event.json")),
        LocalLambdaContext.of("keyturn-rotate", "req-sweep"));

    List<JsonNode> sweepLines = telemetry.emf("SecretsExpiring");
    assertThat(sweepLines).hasSize(1);
    assertThat(sweepLines.get(0).path("SweepFailures").asLong()).isZero();
    assertThat(sweepLines.get(0).has("RotationsSucceeded")).isTrue();
    assertThat(sweepLines.get(0).path("AWSRequestId").asText()).isEqualTo("req-sweep");
    // the life cycle's pass: its own line, SweepFailures counting its failed entries
    List<JsonNode> lifecycleLines = telemetry.emf("RotationsStuck");
    assertThat(lifecycleLines).hasSize(1);
    assertThat(lifecycleLines.get(0).path("RotationsStuck").asLong()).isZero();
    assertThat(lifecycleLines.get(0).has("RotationsRetired")).isTrue();
    assertThat(lifecycleLines.get(0).path("SweepFailures").asLong()).isZero();
    assertThat(lifecycleLines.get(0).path("AWSRequestId").asText()).isEqualTo("req-sweep");
    assertThat(telemetry.emf("SweepFailures")).hasSize(2);
  }
}
