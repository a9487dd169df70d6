package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import dev.keyturn.testing.fakes.FakeEventPublisher.Published;
import dev.keyturn.testing.fakes.FakePort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay guard, the forwarded event, and what happens when the table or the bus fails. */
class WebhookServiceForwardingTest {

  final WebhookWorld world = new WebhookWorld();
  final String secret = Secrets.whsec();
  final WebhookEntry acme = world.source("acme", "standard-webhooks", Map.of(), secret);

  private Map<String, Object> detail(Published event) {
    return Json.map(event.detailJson());
  }

  @Test
  void replay_isAnswered200Duplicate_andNotForwardedAgain() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{\"a\":1}", "msg_r1");

    APIGatewayV2HTTPResponse first = world.send(delivery);
    APIGatewayV2HTTPResponse again = world.send(delivery);

    assertThat(first.getStatusCode()).isEqualTo(202);
    assertThat(again.getStatusCode()).isEqualTo(200);
    assertThat(WebhookWorld.body(again)).containsExactly(Map.entry("duplicate", true));
    assertThat(world.bus.published()).hasSize(1);
    assertThat(world.audit.actions(Rejections.DUPLICATE))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("replayKey", "id:msg_r1"));
  }

  @Test
  void signedIdReused_withAnotherBody_isAReplayToo() {
    world.send(world.signed(acme, secret, "{\"a\":1}", "msg_same"));

    APIGatewayV2HTTPResponse second =
        world.send(world.signed(acme, secret, "{\"a\":2}", "msg_same"));

    assertThat(second.getStatusCode()).isEqualTo(200);
    assertThat(world.bus.published()).hasSize(1);
  }

  @Test
  void unsignedDeliveryIdChanged_doesNotDodgeTheGuard() {
    String ghSecret = Secrets.hex();
    WebhookEntry github = world.source("gh", "github", Map.of(), ghSecret);
    APIGatewayV2HTTPEvent delivery = world.signed(github, ghSecret, "{\"push\":1}", "d-1");
    world.send(delivery);
    delivery.getHeaders().put("x-github-delivery", "d-2");

    assertThat(world.send(delivery).getStatusCode()).isEqualTo(200);
  }

  @Test
  void replayTtl_isTwiceTheTolerance_forTimestampedSchemes_andLong_forOthers() {
    String ghSecret = Secrets.hex();
    WebhookEntry github = world.source("gh", "github", Map.of(), ghSecret);
    WebhookEntry tight = world.source("tight", "stripe", Map.of(), 60, "whsec_stripe_test_1");

    world.send(world.signed(acme, secret, "{}"));
    world.send(world.signed(github, ghSecret, "{}"));
    world.send(world.signed(tight, "whsec_stripe_test_1", "{}"));

    assertThat(world.replay.ttls())
        .containsExactly(Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofMinutes(2));
  }

  @Test
  void forwardedEvent_hasSourceKeyturnWebhook_detailTypeTheSource_andTheJsonBody() {
    world.send(world.signed(acme, secret, "{\"type\":\"invoice.paid\",\"n\":1.50}", "msg_j"));

    Published event = world.bus.published().getFirst();
    assertThat(event.source()).isEqualTo("keyturn.webhook");
    assertThat(event.detailType()).isEqualTo("acme");
    assertThat(detail(event))
        .containsEntry("deliveryId", "msg_j")
        .containsEntry("replayKey", "id:msg_j")
        .containsEntry("bodyFormat", "json")
        .containsEntry("body", Map.of("type", "invoice.paid", "n", 1.50));
    assertThat(event.detailJson()).contains("\"n\":1.50");
  }

  @Test
  void bodyThatIsNotJson_isForwardedAsAString() {
    world.send(world.signed(acme, secret, "payload=a&b=c", "msg_t"));

    assertThat(detail(world.bus.published().getFirst()))
        .containsEntry("bodyFormat", "text")
        .containsEntry("body", "payload=a&b=c");
  }

  @Test
  void bodyThatIsNotUtf8_isForwardedAsBase64() {
    byte[] binary = {(byte) 0xc3, 0x28, 0x00, (byte) 0xff};
    world.send(Deliveries.signed(acme, secret, binary, world.clock.instant(), "msg_x"));

    assertThat(detail(world.bus.published().getFirst()))
        .containsEntry("bodyFormat", "base64")
        .containsEntry("body", "wygA/w==");
  }

  @Test
  void jsonWithDuplicateKeys_isForwardedAsTheExactText() {
    String body = "{\"a\":1,\"a\":2}";
    world.send(world.signed(acme, secret, body, "msg_d"));

    assertThat(detail(world.bus.published().getFirst()))
        .containsEntry("bodyFormat", "text")
        .containsEntry("body", body);
  }

  @Test
  void eventLargerThanEventBridgeTakes_is413_withAClearBody_andIsNeitherForwardedNorClaimed() {
    // under the 256 KiB body limit, but escaping every quote pushes the event over EventBridge's
    String body = "\"".repeat(200_000);
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, body, "msg_big");

    APIGatewayV2HTTPResponse response = world.send(delivery);

    assertThat(response.getStatusCode()).isEqualTo(413);
    assertThat(WebhookWorld.body(response))
        .containsEntry("error", "event too large for EventBridge")
        .containsEntry("limitBytes", 262_144);
    assertThat(((Number) WebhookWorld.body(response).get("eventBytes")).longValue())
        .isGreaterThan(262_144);
    assertThat(world.bus.published()).isEmpty();
    assertThat(world.replay.claimed()).isZero();
    assertThat(world.audit.actions(Rejections.REJECTED))
        .extracting(AuditEvent::outcome)
        .containsExactly("EVENT_TOO_LARGE");
  }

  @Test
  void largestBodyThatFits_isForwardedWhole() {
    String body = "\"" + "x".repeat(262_000) + "\"";
    world.send(world.signed(acme, secret, body, "msg_fit"));

    Published event = world.bus.published().getFirst();
    assertThat(event.detailJson().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(262_144);
    assertThat(detail(event).get("body")).isEqualTo("x".repeat(262_000));
  }

  @Test
  void whenTheBusFails_theAnswerIs503_andTheRetryIsForwarded() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{}", "msg_retry");
    world.bus.failAlways("publish");

    APIGatewayV2HTTPResponse failed = world.send(delivery);
    world.bus.heal();
    APIGatewayV2HTTPResponse retried = world.send(delivery);

    assertThat(failed.getStatusCode()).isEqualTo(503);
    assertThat(failed.getBody()).isEqualTo("{\"error\":\"temporarily unavailable\"}");
    assertThat(retried.getStatusCode()).isEqualTo(202);
    assertThat(world.bus.published()).hasSize(1);
  }

  @Test
  void whenTheReplayTableFails_theAnswerIs503_andNothingIsForwarded() {
    world.replay.failAlways("firstSeen");

    assertThat(world.send(world.signed(acme, secret, "{}")).getStatusCode()).isEqualTo(503);
    assertThat(world.bus.published()).isEmpty();
  }

  @Test
  void whenSecretsManagerFailsOnAColdContainer_theAnswerIs503() {
    world.secrets.failAlways("liveVersions");

    APIGatewayV2HTTPResponse response = world.send(world.signed(acme, secret, "{}"));

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getHeaders()).containsEntry("retry-after", "5");
  }

  @Test
  void whenTheInventoryCannotBeRead_theAnswerIs503_butAWarmContainerKeepsItsSources() {
    WebhookWorld cold = new WebhookWorld();
    WebhookEntry coldSource = cold.source("acme", "standard-webhooks", Map.of(), secret);
    cold.inventory.failAlways(FakePort.ANY);
    assertThat(cold.send(cold.signed(coldSource, secret, "{}")).getStatusCode()).isEqualTo(503);

    world.send(world.signed(acme, secret, "{}"));
    world.inventory.failAlways(FakePort.ANY);
    world.clock.advance(world.settings.inventoryTtl());
    assertThat(world.send(world.signed(acme, secret, "{}")).getStatusCode()).isEqualTo(202);
  }

  @Test
  void whenTheAuditTableFails_aRejectionIsStillA401() {
    world.audit.failAlways("record");

    assertThat(world.send(world.signed(acme, Secrets.whsec(), "{}")).getStatusCode())
        .isEqualTo(401);
  }

  @Test
  void misconfiguredSource_is500_notTheCallersFault() {
    world.source("broken", "no-such-scheme", Map.of(), "irrelevant-secret");
    WebhookEntry unknownSecret =
        new WebhookEntry("orphan", "github", "NO_SUCH_SECRET", null, Map.of());
    world.inventory.add(unknownSecret);

    APIGatewayV2HTTPResponse broken =
        world.send(
            LocalFunctionUrl.event(
                "POST", "/webhooks/broken", Map.of(), new byte[0], world.clock.instant()));
    APIGatewayV2HTTPResponse orphan = world.send(world.signed(unknownSecret, "s3cr3t-value", "{}"));

    assertThat(broken.getStatusCode()).isEqualTo(500);
    assertThat(orphan.getStatusCode()).isEqualTo(500);
    assertThat(broken.getBody()).isEqualTo("{\"error\":\"internal error\"}");
  }
}
