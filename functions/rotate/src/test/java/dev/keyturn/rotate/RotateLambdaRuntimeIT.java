package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.EventTap;
import dev.keyturn.rotate.support.InventorySeeder;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.dynamodb.DynamoRotationOverrideStore;
import dev.keyturn.state.dynamodb.DynamoSenderSightings;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.lambda.LambdaInvocationException;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.lambda.WarmSandbox;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import java.io.IOException;
import java.time.Instant;
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

  /**
   * Issue 11's FreeScout done-when through the shaded jar: a secret signing a FreeScout source (no
   * sender API) rotates once; the second rotation is refused while the sender was last seen on the
   * previous version; a sighting of the current version, written by the real {@code
   * DynamoSenderSightings} as the webhook function writes it, allows it; an override as {@code
   * keyturn rotate --force} leaves forces one more through.
   */
  @Test
  void freescoutSource_secondRotationRefused_untilSeenOnTheCurrentVersion_orForced(LocalAws aws) {
    StateTable table = new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE);
    DynamoSenderSightings sightings = new DynamoSenderSightings(table);
    inventory.add(
        Entries.secretsManager("FS_RUNTIME_HOOK", "keyturn/test/runtime-fs", "hmac-key", Map.of()));
    inventory.add(new WebhookEntry("fs-runtime", "freescout", "FS_RUNTIME_HOOK", null, Map.of()));
    var created = driver.createSecret("keyturn/test/runtime-fs", SeededSecrets.generate("fs"));
    String v1 = created.versionId();
    sightings.record("fs-runtime", v1, Instant.now().minusSeconds(7200));

    String v2 = driver.startRotation(created.arn());
    rotateAll(created.arn(), v2);
    assertThat(driver.stages(created.arn())).containsEntry(v2, List.of("AWSCURRENT"));

    String refused = driver.startRotation(created.arn());
    assertThatThrownBy(
            () -> rotate.invoke(EventJson.rotationStep("createSecret", created.arn(), refused)))
        .isInstanceOf(LambdaInvocationException.class)
        .satisfies(e -> {
          LambdaInvocationException l = (LambdaInvocationException) e;
          assertThat(l.errorType()).endsWith("SenderBehindException");
          assertThat(l.errorMessage())
              .contains("sender of fs-runtime last signed with version " + v1 + " (2h ago)");
        });
    assertThat(driver.stages(created.arn()).get(refused)).as("AWSPENDING taken off").isEmpty();

    sightings.record("fs-runtime", v2, Instant.now());
    String v3 = driver.startRotation(created.arn());
    rotateAll(created.arn(), v3);
    assertThat(driver.stages(created.arn())).containsEntry(v3, List.of("AWSCURRENT"));

    sightings.record("fs-runtime", v2, Instant.now().plusSeconds(1));
    Instant now = Instant.now();
    new DynamoRotationOverrideStore(table)
        .grant(new RotationOverride("FS_RUNTIME_HOOK", "alice", now, now.plusSeconds(300)));
    String v4 = driver.startRotation(created.arn());
    rotateAll(created.arn(), v4);
    assertThat(driver.stages(created.arn())).containsEntry(v4, List.of("AWSCURRENT"));
    events.drain();
  }

  private static void rotateAll(String arn, String token) {
    for (String step : RotationRun.STEPS) {
      rotate.invoke(EventJson.rotationStep(step, arn, token));
    }
    SecretParts.register("hmac-key", driver.valueOf(arn, token));
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

  @Test
  void warmSandboxes_keepNoInvocationsContextAsABean() {
    for (int i = 0; i < 200; i++) {
      assertThatThrownBy(() -> rotate.invoke("{}")).isInstanceOf(LambdaInvocationException.class);
      assertThatThrownBy(() -> sweep.invoke("{\"detail-type\":\"Object Created\"}"))
          .isInstanceOf(LambdaInvocationException.class);
    }

    for (LambdaRuntimeHarness sandbox : List.of(rotate, sweep)) {
      assertThat(
              WarmSandbox.beanDefinitions(sandbox, "com.amazonaws.services.lambda.runtime.Context"))
          .as(sandbox.handler())
          .isZero();
    }
  }
}
