package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.EventTap;
import dev.keyturn.rotate.support.InventorySeeder;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.lambda.LambdaInvocationException;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded function jar, loaded by the AWS Lambda Java runtime's own handler loader, with the
 * handler names template.yaml uses, invoked with raw event JSON.
 */
@WithLocalAws
class RotateLambdaRuntimeIT {

  private static final String FUNCTION_NAME = "keyturn-rotate-jar-it";

  private static LambdaRuntimeHarness rotate;
  private static LambdaRuntimeHarness sweep;
  private static SecretsManagerRotationDriver driver;
  private static InventorySeeder inventory;
  private static EventTap events;

  @BeforeAll
  static void load(LocalAws aws) throws IOException {
    System.setProperty("keyturn.event-bus", "keyturn");
    System.setProperty("aws.lambda.function.name", FUNCTION_NAME);
    driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    events = new EventTap("keyturn");
    inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    TemplateFunction rotateFn = TemplateFunction.of("RotateFunction");
    TemplateFunction sweepFn = TemplateFunction.of("SweepFunction");
    rotate = LambdaRuntimeHarness.load(rotateFn.codeUri(), rotateFn.handler());
    sweep = LambdaRuntimeHarness.load(sweepFn.codeUri(), sweepFn.handler());
  }

  @AfterAll
  static void close() {
    rotate.close();
    sweep.close();
    System.clearProperty("aws.lambda.function.name");
  }

  @Test
  void templateHandlers_areTheHandlerClasses() {
    assertThat(rotate.handler()).isEqualTo(RotateHandler.class.getName());
    assertThat(sweep.handler()).isEqualTo(SweepHandler.class.getName());
  }

  @Test
  void rotateHandler_runsAFullRotation_fromSecretsManagerEventJson() {
    inventory.add(
        Entries.secretsManager(
            "RX_RUNTIME_HOOK", "keyturn/test/runtime-hook", "hmac-key", Map.of()));
    String first = SeededSecrets.generate("runtime-hook");
    var created = driver.createSecret("keyturn/test/runtime-hook", first);
    String token = driver.startRotation(created.arn());

    for (String step : RotationRun.STEPS) {
      String response = rotate.invoke(EventJson.rotationStep(step, created.arn(), token));
      assertThat(Json.map(response)).containsEntry("step", step).containsEntry("versionId", token);
    }

    SecretParts.register("hmac-key", driver.valueOf(created.arn(), token));
    assertThat(driver.stages(created.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(created.versionId(), List.of("AWSPREVIOUS")));
    assertThat(events.drain())
        .extracting(EventTap.Delivered::detailType)
        .containsExactly("SecretRotated");
  }

  @Test
  void rotateHandler_reportsAGuardFailure_asAnErrorOfItsType() {
    inventory.add(
        Entries.secretsManager(
            "RX_RUNTIME_GUARD", "keyturn/test/runtime-guard", "hmac-key", Map.of()));
    var created =
        driver.createSecret("keyturn/test/runtime-guard", SeededSecrets.generate("guard"));
    driver.startRotation(created.arn());

    assertThatThrownBy(() ->
            rotate.invoke(
                EventJson.rotationStep(
                    "createSecret", created.arn(), "00000000-0000-4000-8000-000000000000")))
        .isInstanceOf(LambdaInvocationException.class)
        .satisfies(e ->
            assertThat(((LambdaInvocationException) e).errorType())
                .endsWith("TokenNotAVersionException"));
  }

  @Test
  void sweepHandler_acceptsTheScheduledEventJson_andReturnsCounts() {
    String response = sweep.invoke(EventJson.resource("scheduled-event.json"));

    assertThat(Json.map(response))
        .containsKeys("checked", "rotated", "notDue", "skipped", "failed", "expiring");
  }

  @Test
  void theJarsLogLines_areJson_withRequestIdAndFunctionName_andFinishSecretCountsARotation() {
    inventory.add(
        Entries.secretsManager(
            "RX_RUNTIME_LOGS", "keyturn/test/runtime-logs", "hmac-key", Map.of()));
    var created = driver.createSecret("keyturn/test/runtime-logs", SeededSecrets.generate("logs"));
    String token = driver.startRotation(created.arn());
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    for (String step : RotationRun.STEPS) {
      rotate.invoke(EventJson.rotationStep(step, created.arn(), token));
    }
    SecretParts.register("hmac-key", driver.valueOf(created.arn(), token));
    events.drain();

    List<JsonNode> logs =
        telemetry.jsonLogs().stream()
            .filter(l -> l.path("logger_name").asText().startsWith("dev.keyturn."))
            .toList();
    assertThat(logs).hasSizeGreaterThanOrEqualTo(RotationRun.STEPS.size());
    assertThat(logs)
        .allSatisfy(line -> {
          assertThat(line.path("AWSRequestId").asText()).isNotBlank();
          assertThat(line.path("AWSFunctionName").asText()).isEqualTo(FUNCTION_NAME);
        });
    assertThat(logs.stream().map(l -> l.path("AWSRequestId").asText()).distinct())
        .as("one request id per step")
        .hasSize(RotationRun.STEPS.size());
    List<JsonNode> succeeded = telemetry.emf("RotationsSucceeded");
    assertThat(succeeded).hasSize(1);
    assertThat(succeeded.get(0).path("AWSRequestId").asText())
        .isEqualTo(logs.getLast().path("AWSRequestId").asText());
  }
}
