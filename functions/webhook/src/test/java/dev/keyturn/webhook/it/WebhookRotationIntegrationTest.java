package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.rotate.RotateHandler;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.Deliveries;
import dev.keyturn.webhook.WebhookHandler;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/**
 * A whole rotation of an {@code hmac-key} secret, driven through the rotate function's real handler
 * against moto, while the webhook function (its own Micronaut context, as Lambda starts it)
 * receives deliveries signed with AWSCURRENT, AWSPENDING and AWSPREVIOUS: none fails.
 */
@WithLocalAws
class WebhookRotationIntegrationTest {

  static final String BUS = "keyturn";
  static final List<String> STEPS =
      List.of("createSecret", "setSecret", "testSecret", "finishSecret");

  static SecretsManagerRotationDriver driver;
  static InventorySeeder inventory;
  static BusTap bus;
  static RotateHandler rotate;

  @BeforeAll
  static void start(LocalAws aws) {
    System.setProperty("keyturn.event-bus", BUS);
    driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    bus = new BusTap(BUS);
    rotate = new RotateHandler();
  }

  @AfterAll
  static void stop() {
    rotate.close();
    bus.close();
    System.clearProperty("keyturn.event-bus");
  }

  private static String firstValue(String format) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String value =
        format.equals("whsec")
            ? "whsec_" + Base64.getEncoder().encodeToString(key)
            : HexFormat.of().formatHex(key);
    return SeededSecrets.register(value);
  }

  private static int deliver(WebhookHandler handler, WebhookEntry source, String secret) {
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    APIGatewayV2HTTPEvent event =
        Deliveries.signed(
            source,
            secret,
            ("{\"id\":\"" + id + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Instant.now(),
            id);
    return handler.handleRequest(event, LocalLambdaContext.of("keyturn-webhook")).getStatusCode();
  }

  private static void step(String step, String secretId, String token) {
    rotate.handleRequest(
        Map.of("Step", step, "SecretId", secretId, "ClientRequestToken", token),
        LocalLambdaContext.of("keyturn-rotate"));
  }

  @ParameterizedTest
  @CsvSource({"acme,standard-webhooks,whsec", "gh,github,hex"})
  void deliveriesSignedWithEveryLiveVersion_verifyAcrossAWholeRotation(
      String name, String scheme, String format) {
    String secretId = "keyturn/it/webhook-" + name;
    WebhookEntry source = inventory.webhook(name, scheme, secretId, format);
    String previous = firstValue(format);
    CreateSecretResponse created = driver.createSecret(secretId, previous);
    inventory.tagRoles(); // the operator's apply after creating the secret
    try (WebhookHandler webhook = new WebhookHandler()) {
      rotateWhileDelivering(webhook, source, created, previous);
    }

    try (WebhookHandler cold = new WebhookHandler()) {
      String current = driver.valueOf(created.arn(), currentVersion(created.arn()));
      assertThat(deliver(cold, source, current)).as("AWSCURRENT, cold container").isEqualTo(202);
      assertThat(deliver(cold, source, previous)).as("AWSPREVIOUS, cold").isEqualTo(202);
      assertThat(deliver(cold, source, firstValue(format))).as("never a version").isEqualTo(401);
    }
    assertThat(bus.drain()).hasSize(11).allSatisfy(e -> assertThat(e.detailType()).isEqualTo(name));
  }

  private String currentVersion(String arn) {
    return driver.stages(arn).entrySet().stream()
        .filter(e -> e.getValue().contains("AWSCURRENT"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  /** 9 deliveries, all accepted: before, during every step, and after the rotation. */
  private void rotateWhileDelivering(
      WebhookHandler webhook, WebhookEntry source, CreateSecretResponse created, String previous) {
    assertThat(deliver(webhook, source, previous)).as("before the rotation").isEqualTo(202);

    String token = driver.startRotation(created.arn());
    step("createSecret", created.arn(), token);
    String pending = SeededSecrets.register(driver.valueOf(created.arn(), token));
    assertThat(driver.stages(created.arn())).containsEntry(token, List.of("AWSPENDING"));
    assertThat(deliver(webhook, source, pending)).as("AWSPENDING, new to the cache").isEqualTo(202);
    assertThat(deliver(webhook, source, previous)).as("AWSCURRENT in flight").isEqualTo(202);

    for (String step : STEPS.subList(1, STEPS.size())) {
      step(step, created.arn(), token);
      assertThat(deliver(webhook, source, pending)).as("new value after " + step).isEqualTo(202);
      assertThat(deliver(webhook, source, previous)).as("old value after " + step).isEqualTo(202);
    }

    assertThat(driver.stages(created.arn()))
        .containsEntry(token, List.of("AWSCURRENT"))
        .containsEntry(created.versionId(), List.of("AWSPREVIOUS"));
  }
}
