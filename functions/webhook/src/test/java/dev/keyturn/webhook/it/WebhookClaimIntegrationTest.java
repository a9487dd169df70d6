package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.Deliveries;
import dev.keyturn.webhook.WebhookHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * No verified delivery is lost when an AWS call hangs, fails or is retried by the SDK: the webhook
 * function as Lambda starts it (its own SDK clients and timeouts) against moto and DynamoDB Local,
 * with a hanging EventBridge endpoint or a proxy that drops DynamoDB's answer to a write it made.
 */
@WithLocalAws
class WebhookClaimIntegrationTest {

  static final String BUS = "keyturn";

  /** template.yaml's WebhookFunction Timeout (WebhookTemplateTest keeps them equal). */
  static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(15);

  static final String EVENTBRIDGE_ENDPOINT = "aws.endpointUrlEventBridge";
  static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";

  static BusTap bus;
  static WebhookHandler healthy;
  static WebhookEntry acme;
  static String secret;

  @BeforeAll
  static void start(LocalAws aws) {
    System.setProperty("keyturn.event-bus", BUS);
    bus = new BusTap(BUS);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    secret = SeededSecrets.register("whsec_" + Base64.getEncoder().encodeToString(key));
    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
      secrets.createSecret(b -> b.name("keyturn/it/claims").secretString(secret));
    }
    acme =
        new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE)
            .webhook("claims", "standard-webhooks", "keyturn/it/claims", "whsec");
    healthy = new WebhookHandler();
  }

  @AfterAll
  static void stop() {
    healthy.close();
    bus.close();
    System.clearProperty("keyturn.event-bus");
  }

  @BeforeEach
  void emptyTheTap() {
    bus.drain();
  }

  /** A container whose SDK clients were built with these endpoint settings. */
  private static WebhookHandler containerWith(String property, URI endpoint) {
    String before = System.getProperty(property);
    System.setProperty(property, endpoint.toString());
    try {
      WebhookHandler handler = new WebhookHandler();
      // the EventBridge client is built on first use: build it while the endpoint is the test's
      handler.getApplicationContext().getBean(EventBridgeClient.class);
      return handler;
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  private static APIGatewayV2HTTPEvent delivery(String id) {
    return Deliveries.signed(
        acme,
        secret,
        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8),
        Instant.now(),
        id);
  }

  private static APIGatewayV2HTTPResponse send(WebhookHandler handler, APIGatewayV2HTTPEvent e) {
    return handler.handleRequest(e, TimedContext.of(FUNCTION_TIMEOUT));
  }

  private static String newId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void busHangingPastTheBudget_isAnswered503BeforeTheFunctionTimesOut_andTheRetryIsForwarded()
      throws Exception {
    APIGatewayV2HTTPEvent delivery = delivery(newId());
    try (HangingEndpoint hangingBus = new HangingEndpoint();
        WebhookHandler stuck = containerWith(EVENTBRIDGE_ENDPOINT, hangingBus.uri())) {
      TimedContext context = TimedContext.of(FUNCTION_TIMEOUT);

      APIGatewayV2HTTPResponse answer = stuck.handleRequest(delivery, context);

      assertThat(answer.getStatusCode()).isEqualTo(503);
      assertThat(context.getRemainingTimeInMillis())
          .as("answered before Lambda's timeout would have killed the function")
          .isPositive();
    }
    assertThat(send(healthy, delivery).getStatusCode()).isEqualTo(202);
    assertThat(bus.drain()).hasSize(1);
  }

  @Test
  void retryWhileTheFirstAttemptIsInFlight_is409_andAfterTheFirstFails_theRetryIsForwardedOnce()
      throws Exception {
    APIGatewayV2HTTPEvent delivery = delivery(newId());
    try (HangingEndpoint hangingBus = new HangingEndpoint();
        WebhookHandler stuck = containerWith(EVENTBRIDGE_ENDPOINT, hangingBus.uri())) {
      CompletableFuture<APIGatewayV2HTTPResponse> first =
          CompletableFuture.supplyAsync(() -> send(stuck, delivery));
      assertThat(hangingBus.awaitRequest(10)).as("first attempt reached the bus").isTrue();

      APIGatewayV2HTTPResponse meanwhile = send(healthy, delivery);

      assertThat(meanwhile.getStatusCode()).isEqualTo(409);
      assertThat(meanwhile.getHeaders()).containsKey("retry-after");
      assertThat(first.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(503);
    }
    List<Integer> retries =
        List.of(send(healthy, delivery).getStatusCode(), send(healthy, delivery).getStatusCode());

    assertThat(retries).containsExactly(202, 200);
    assertThat(bus.drain()).hasSize(1);
  }

  @Test
  void sdkRetryOfAClaimThatSucceeded_isNotTakenForADuplicate() throws Exception {
    String id = newId();
    URI dynamoDb = URI.create(System.getProperty(DYNAMODB_ENDPOINT));
    try (DroppingProxy proxy =
            new DroppingProxy(
                dynamoDb, body -> body.contains("\"Item\"") && body.contains("MSG#id:" + id));
        WebhookHandler flaky = containerWith(DYNAMODB_ENDPOINT, proxy.uri())) {

      APIGatewayV2HTTPResponse answer = send(flaky, delivery(id));

      assertThat(proxy.dropped()).as("the claim's first answer was dropped").isTrue();
      assertThat(proxy.matchingRequests()).as("the SDK retried the claim").isGreaterThan(1);
      assertThat(answer.getStatusCode()).isEqualTo(202);
    }
    assertThat(bus.drain()).hasSize(1);
  }

  @Test
  void aClaimFromAnotherRequest_thatIsDone_isStillADuplicate() {
    APIGatewayV2HTTPEvent delivery = delivery(newId());
    Map<String, Integer> statuses = new HashMap<>();

    statuses.put("first", send(healthy, delivery).getStatusCode());
    statuses.put("replay", send(healthy, delivery).getStatusCode());

    assertThat(statuses).containsEntry("first", 202).containsEntry("replay", 200);
    assertThat(bus.drain()).hasSize(1);
  }
}
