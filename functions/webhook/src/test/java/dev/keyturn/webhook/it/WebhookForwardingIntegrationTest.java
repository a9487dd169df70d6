package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoSyncStateStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.Deliveries;
import dev.keyturn.webhook.WebhookHandler;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The webhook function, started as Lambda starts it, against moto (Secrets Manager, EventBridge,
 * SQS) and DynamoDB Local: forwarded events are read back through a rule on the bus to an SQS
 * queue; the replay guard, the audit trail and the sync state are the real table.
 */
@WithLocalAws
class WebhookForwardingIntegrationTest {

  static final String BUS = "keyturn";
  static final String APP = "billing-prod";

  static InventorySeeder inventory;
  static BusTap bus;
  static WebhookHandler webhook;
  static DynamoAuditLog audit;
  static DynamoSyncStateStore syncState;
  static WebhookEntry acme;
  static WebhookEntry heroku;
  static WebhookEntry audited;
  static WebhookEntry stripe;
  static String acmeSecret;
  static String stripeSecret;
  static String herokuSecret;

  @BeforeAll
  static void start(LocalAws aws) {
    System.setProperty("keyturn.event-bus", BUS);
    StateTable table = new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE);
    audit = new DynamoAuditLog(table);
    syncState = new DynamoSyncStateStore(table);
    inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    bus = new BusTap(BUS);
    byte[] key = random(32);
    acmeSecret = SeededSecrets.register("whsec_" + Base64.getEncoder().encodeToString(key));
    herokuSecret = SeededSecrets.register(HexFormat.of().formatHex(random(32)));
    stripeSecret = SeededSecrets.register("whsec_" + HexFormat.of().formatHex(random(32)));
    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
      secrets.createSecret(b -> b.name("keyturn/it/acme").secretString(acmeSecret));
      secrets.createSecret(b -> b.name("keyturn/it/heroku").secretString(herokuSecret));
      secrets.createSecret(b -> b.name("keyturn/it/stripe").secretString(stripeSecret));
    }
    acme = inventory.webhook("acme", "standard-webhooks", "keyturn/it/acme", "whsec");
    heroku = inventory.webhook("heroku-billing", "heroku", "keyturn/it/heroku", "hex");
    stripe = inventory.webhook("stripe-billing", "stripe", "keyturn/it/stripe", "hex");
    // rejected by one test only: its minute's first rejection is written at once
    audited = inventory.webhook("audited", "standard-webhooks", "keyturn/it/acme", "whsec");
    webhook = new WebhookHandler();
  }

  @BeforeEach
  void emptyTheTap() {
    bus.drain();
  }

  @AfterAll
  static void stop() {
    webhook.close();
    bus.close();
    System.clearProperty("keyturn.event-bus");
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static APIGatewayV2HTTPEvent signed(WebhookEntry source, String secret, String body) {
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    return Deliveries.signed(
        source, secret, body.getBytes(StandardCharsets.UTF_8), Instant.now(), id);
  }

  private static APIGatewayV2HTTPResponse send(WebhookHandler handler, APIGatewayV2HTTPEvent e) {
    return handler.handleRequest(e, LocalLambdaContext.of("keyturn-webhook"));
  }

  @Test
  void verifiedDelivery_arrivesOnTheBus_asSourceKeyturnWebhook_withTheJsonBody() {
    APIGatewayV2HTTPEvent delivery = signed(acme, acmeSecret, "{\"type\":\"invoice.paid\"}");

    assertThat(send(webhook, delivery).getStatusCode()).isEqualTo(202);

    assertThat(bus.drain())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.source()).isEqualTo("keyturn.webhook");
          assertThat(e.detailType()).isEqualTo("acme");
          assertThat(e.detail())
              .containsEntry("deliveryId", delivery.getHeaders().get("webhook-id"))
              .containsEntry("bodyFormat", "json")
              .containsEntry("body", Map.of("type", "invoice.paid"));
        });
  }

  @Test
  void replay_isAnsweredDuplicate_andArrivesOnce_evenInAnotherContainer() {
    APIGatewayV2HTTPEvent delivery = signed(acme, acmeSecret, "{\"n\":1}");

    int first = send(webhook, delivery).getStatusCode();
    int replay = send(webhook, delivery).getStatusCode();
    int replayElsewhere;
    try (WebhookHandler other = new WebhookHandler()) {
      replayElsewhere = send(other, delivery).getStatusCode();
    }

    assertThat(List.of(first, replay, replayElsewhere)).containsExactly(202, 200, 200);
    assertThat(bus.drain()).hasSize(1);
  }

  @Test
  void stripeRetryOfADeliveredEvent_isAnsweredDuplicate_andTheEventArrivesOnce() {
    String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
    String otherId = "evt_" + UUID.randomUUID().toString().replace("-", "");
    String event = "{\"id\":\"" + eventId + "\",\"object\":\"event\"}";
    Instant sent = Instant.now().minusSeconds(60);
    APIGatewayV2HTTPEvent delivery = Deliveries.signed(stripe, stripeSecret, event, sent);
    // Stripe's retry: the same body, a new t, so a new signature
    APIGatewayV2HTTPEvent retry = Deliveries.signed(stripe, stripeSecret, event, Instant.now());
    APIGatewayV2HTTPEvent otherEvent =
        Deliveries.signed(stripe, stripeSecret, "{\"id\":\"" + otherId + "\"}", sent);

    assertThat(retry.getHeaders().get("stripe-signature"))
        .isNotEqualTo(delivery.getHeaders().get("stripe-signature"));
    assertThat(send(webhook, delivery).getStatusCode()).isEqualTo(202);
    assertThat(send(webhook, retry).getStatusCode()).isEqualTo(200);
    assertThat(send(webhook, otherEvent).getStatusCode()).isEqualTo(202);

    assertThat(bus.drain())
        .extracting(e -> e.detail().get("replayKey"))
        .containsExactlyInAnyOrder("stripe-event:" + eventId, "stripe-event:" + otherId);
  }

  @Test
  void rejection_isCountedInTheAuditTrail_perSourceAndMinute_byReasonCode() {
    Instant since = Instant.now().minusSeconds(1);
    APIGatewayV2HTTPEvent forged =
        signed(audited, "whsec_" + Base64.getEncoder().encodeToString(random(32)), "{}");

    APIGatewayV2HTTPResponse response = send(webhook, forged);

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(audit.since(since, "audited", 10))
        .filteredOn(e -> e.action().equals("webhook.rejected"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.outcome()).isEqualTo("aggregate");
          assertThat(e.detail())
              .containsEntry("SIGNATURE_MISMATCH", "1")
              .containsEntry("total", "1")
              .containsKeys("firstRequestId", "lastRequestId");
        });
    assertThat(bus.drain()).isEmpty();
  }

  @Test
  void herokuReleaseSucceeded_confirmsTheReleaseSyncRecorded() {
    String releaseId = UUID.randomUUID().toString();
    Instant since = Instant.now().minusSeconds(1);
    syncState.recordPublished(
        APP,
        List.of(
            new VarState(
                APP, "DATABASE_URL", "DB_URL", "v-2", releaseId, 42, Instant.now(), null)));
    String body =
        ("{\"resource\":\"release\",\"action\":\"update\",\"data\":{\"id\":\"%s\",\"version\":42,"
                + "\"status\":\"succeeded\",\"current\":true,\"app\":{\"name\":\"%s\"}},"
                + "\"webhook_metadata\":{\"event\":{\"include\":\"api:release\"}}}")
            .formatted(releaseId, APP);

    assertThat(send(webhook, signed(heroku, herokuSecret, body)).getStatusCode()).isEqualTo(202);

    assertThat(syncState.vars(APP).get("DATABASE_URL").confirmedAt()).isNotNull();
    assertThat(audit.since(since, APP, 10))
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("webhook.release-confirmed", "confirmed"));
    assertThat(bus.drain())
        .extracting(BusTap.Delivered::detailType)
        .containsExactly("heroku-billing");
  }

  @Test
  void whenTheBusIsGone_theAnswerIs503_andTheRetryIsForwardedOnceItIsBack() {
    APIGatewayV2HTTPEvent delivery = signed(acme, acmeSecret, "{\"retry\":true}");
    bus.deleteBus();

    int failed = send(webhook, delivery).getStatusCode();
    bus.close();
    bus = new BusTap(BUS);
    int retried = send(webhook, delivery).getStatusCode();

    assertThat(failed).isEqualTo(503);
    assertThat(retried).isEqualTo(202);
    assertThat(bus.drain()).hasSize(1);
  }

  @Test
  void eventTooLargeForEventBridge_is413_andNothingArrives() {
    // under the body limit, but not JSON: escaping every quote doubles it past EventBridge's limit
    String body = "\"".repeat(140_000);

    APIGatewayV2HTTPResponse response = send(webhook, signed(acme, acmeSecret, body));

    assertThat(response.getStatusCode()).isEqualTo(413);
    assertThat(response.getBody()).contains("event too large for EventBridge");
    assertThat(bus.drain()).isEmpty();
  }
}
