package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.lambda.WarmSandbox;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import dev.keyturn.webhook.WebhookHandler;
import dev.keyturn.webhook.scheme.Schemes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The jar template.yaml deploys as WebhookFunction, loaded by the AWS Lambda Java runtime's own
 * handler loader with the template's handler name, invoked with Function URL event JSON: the
 * runtime's own deserializer fills {@code APIGatewayV2HTTPEvent} (method, headers, body, {@code
 * isBase64Encoded}) and serializes the response Function URLs read.
 */
@WithLocalAws
class WebhookLambdaRuntimeIT {

  static final String BUS = "keyturn";
  static final String FUNCTION_NAME = "keyturn-webhook-runtime-it";

  static LambdaRuntimeHarness fn;
  static BusTap bus;
  static WebhookEntry acme;
  static String secret;

  @BeforeAll
  static void load(LocalAws aws) {
    System.setProperty("keyturn.event-bus", BUS);
    System.setProperty("aws.lambda.function.name", FUNCTION_NAME);
    bus = new BusTap(BUS);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    secret = SeededSecrets.register("whsec_" + Base64.getEncoder().encodeToString(key));
    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
      secrets.createSecret(b -> b.name("keyturn/it/runtime-acme").secretString(secret));
    }
    acme =
        new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE)
            .webhook("acme", "standard-webhooks", "keyturn/it/runtime-acme", "whsec");
    TemplateFunction function = TemplateFunction.of("WebhookFunction");
    assertThat(Files.isRegularFile(function.codeUri()))
        .as("shaded jar built in package: " + function.codeUri())
        .isTrue();
    fn = LambdaRuntimeHarness.load(function.codeUri(), function.handler());
  }

  @AfterAll
  static void close() {
    if (fn != null) {
      fn.close();
    }
    bus.close();
    System.clearProperty("keyturn.event-bus");
    System.clearProperty("aws.lambda.function.name");
  }

  @BeforeEach
  void emptyTheTap() {
    bus.drain();
  }

  private static ObjectNode event(String name) {
    try (InputStream in = WebhookLambdaRuntimeIT.class.getResourceAsStream("/events/" + name)) {
      return (ObjectNode) Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Function URL event for {@code body}, signed with {@code signingSecret} now. */
  private static ObjectNode signedPost(String signingSecret, byte[] body, boolean base64) {
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> signature =
        Schemes.signer("standard-webhooks", Map.of()).sign(signingSecret, body, Instant.now(), id);
    ObjectNode event = event("function-url-post.json");
    ObjectNode headers = (ObjectNode) event.get("headers");
    signature.forEach(headers::put);
    event.put(
        "body",
        base64
            ? Base64.getEncoder().encodeToString(body)
            : new String(body, StandardCharsets.UTF_8));
    event.put("isBase64Encoded", base64);
    return event;
  }

  private static Map<String, Object> invoke(ObjectNode event) {
    return Json.map(fn.invoke(event.toString()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Map<String, Object> response) {
    return Json.map((String) response.get("body"));
  }

  @Test
  void templateHandler_isTheHandlerClass() {
    assertThat(fn.handler()).isEqualTo(WebhookHandler.class.getName());
  }

  @Test
  void signedFunctionUrlEvent_isAccepted_andTheResponseIsWhatFunctionUrlsRead() {
    Map<String, Object> response =
        invoke(signedPost(secret, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8), false));

    assertThat(response)
        .containsEntry("statusCode", 202)
        .containsEntry("isBase64Encoded", false)
        .containsKey("headers");
    assertThat(body(response)).containsEntry("accepted", true);
    assertThat(bus.drain())
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("body", Map.of("type", "ping")));
  }

  @Test
  void base64EncodedEvent_isDecodedBeforeVerifying_byTheRuntimesDeserializedFlag() {
    byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00, (byte) 0xff};

    Map<String, Object> response = invoke(signedPost(secret, binary, true));

    assertThat(response).containsEntry("statusCode", 202);
    assertThat(bus.drain())
        .singleElement()
        .satisfies(e ->
            assertThat(e.detail())
                .containsEntry("bodyFormat", "base64")
                .containsEntry("body", Base64.getEncoder().encodeToString(binary)));
  }

  @Test
  void forgedSignature_is401_withTheGenericBody() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String other = "whsec_" + Base64.getEncoder().encodeToString(key);

    Map<String, Object> response =
        invoke(signedPost(other, "{}".getBytes(StandardCharsets.UTF_8), false));

    assertThat(response).containsEntry("statusCode", 401);
    assertThat(body(response)).containsExactly(Map.entry("error", "unauthorized"));
    assertThat(bus.drain()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void getRequest_is405_withAllowPost() {
    Map<String, Object> response = invoke(event("function-url-get.json"));

    assertThat(response).containsEntry("statusCode", 405);
    assertThat((Map<String, Object>) response.get("headers")).containsEntry("allow", "POST");
  }

  @Test
  void rejection_logsJsonWithRequestIdAndFunctionName_andPublishesEmfByReason() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String other = "whsec_" + Base64.getEncoder().encodeToString(key);
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    invoke(signedPost(other, "{}".getBytes(StandardCharsets.UTF_8), false));

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
        });
    List<JsonNode> rejected = telemetry.emf("WebhooksRejected");
    assertThat(rejected).singleElement();
    assertThat(rejected.get(0).path("Reason").asText()).isEqualTo("SIGNATURE_MISMATCH");
    assertThat(rejected.get(0).path("FunctionName").asText()).isEqualTo(FUNCTION_NAME);
    assertThat(rejected.get(0).path("AWSRequestId").asText()).isEqualTo(requestId);
  }

  @Test
  void acceptedDelivery_publishesWebhooksVerified() {
    CapturedTelemetry telemetry = CapturedTelemetry.start();

    invoke(signedPost(secret, "{\"type\":\"metrics\"}".getBytes(StandardCharsets.UTF_8), false));

    assertThat(telemetry.emf("WebhooksVerified"))
        .singleElement()
        .satisfies(line -> assertThat(line.path("WebhooksVerified").asLong()).isEqualTo(1));
    assertThat(telemetry.emf("WebhooksRejected")).isEmpty();
  }

  @Test
  void aWarmSandbox_keepsNoInvocationsContextAsABean_afterThousandsOfRequests() {
    for (int i = 0; i < 2_000; i++) {
      assertThat(invoke(event("function-url-get.json"))).containsEntry("statusCode", 405);
    }

    for (String type :
        List.of(
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.LambdaLogger",
            "com.amazonaws.services.lambda.runtime.ClientContext",
            "com.amazonaws.services.lambda.runtime.CognitoIdentity")) {
      assertThat(WarmSandbox.beanDefinitions(fn, type)).as(type).isZero();
    }
  }
}
