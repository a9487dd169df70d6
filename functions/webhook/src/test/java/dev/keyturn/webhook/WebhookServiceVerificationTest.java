package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.audit.RejectionTally;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures over the raw body, with headers in any case; generic, audited rejections. */
class WebhookServiceVerificationTest {

  final WebhookWorld world = new WebhookWorld();
  final String secret = Secrets.whsec();
  final WebhookEntry acme = world.source("acme", "standard-webhooks", Map.of(), secret);

  @Test
  void signedDelivery_isAccepted_with202_andItsDeliveryId() {
    APIGatewayV2HTTPResponse response =
        world.send(world.signed(acme, secret, "{\"type\":\"invoice.paid\"}", "msg_1"));

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(WebhookWorld.body(response))
        .containsEntry("accepted", true)
        .containsEntry("deliveryId", "msg_1");
    assertThat(world.bus.published()).hasSize(1);
  }

  /** A delivery as Svix sends it: signed by the svix library, under its svix-* header names. */
  private APIGatewayV2HTTPEvent svixDelivery(String id, String body) throws Exception {
    long timestamp = world.clock.instant().getEpochSecond();
    String signature = new com.svix.Webhook(secret).sign(id, timestamp, body);
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/json");
    headers.put("user-agent", "Svix-Webhooks/1.99.1");
    headers.put(com.svix.Webhook.SVIX_MSG_ID_KEY, id);
    headers.put(com.svix.Webhook.SVIX_MSG_TIMESTAMP_KEY, Long.toString(timestamp));
    headers.put(com.svix.Webhook.SVIX_MSG_SIGNATURE_KEY, signature);
    return LocalFunctionUrl.event(
        "POST",
        "/webhooks/acme",
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        world.clock.instant());
  }

  @Test
  void deliveryAsTheSvixLibraryEmitsIt_isAccepted() throws Exception {
    APIGatewayV2HTTPResponse response =
        world.send(svixDelivery("msg_svix1", "{\"type\":\"invoice.paid\"}"));

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(WebhookWorld.body(response)).containsEntry("deliveryId", "msg_svix1");
  }

  @Test
  void svixAndStandardHeaders_withDifferentIds_are400_andNotForwarded() throws Exception {
    APIGatewayV2HTTPEvent event = svixDelivery("msg_svix2", "{}");
    event.getHeaders().put("webhook-id", "msg_other");

    assertThat(world.send(event).getStatusCode()).isEqualTo(400);
    assertThat(world.bus.published()).isEmpty();
  }

  @Test
  void base64EncodedBody_isVerifiedOverTheDecodedBytes() {
    byte[] binary = {(byte) 0xff, 0x00, (byte) 0xfe, 0x10, (byte) 0x80};
    APIGatewayV2HTTPEvent event =
        Deliveries.signed(acme, secret, binary, world.clock.instant(), "msg_bin");

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(world.send(event).getStatusCode()).isEqualTo(202);
  }

  @Test
  void textBodySentAsBase64_verifiesTheSame() {
    APIGatewayV2HTTPEvent event = world.signed(acme, secret, "{\"a\":1}", "msg_b64");
    event.setBody(
        Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);

    assertThat(world.send(event).getStatusCode()).isEqualTo(202);
  }

  @Test
  void base64FlagOnABodyThatIsNotBase64_is400() {
    APIGatewayV2HTTPEvent event = world.signed(acme, secret, "{\"a\":1}");
    event.setIsBase64Encoded(true);

    assertThat(world.send(event).getStatusCode()).isEqualTo(400);
    assertThat(world.auditedRejections()).containsExactly("MALFORMED_BODY");
  }

  @Test
  void headerNames_matchWithoutRegardToCase() {
    for (boolean upper : new boolean[] {true, false}) {
      APIGatewayV2HTTPEvent event = world.signed(acme, secret, "{}");
      Map<String, String> cased = new HashMap<>();
      event
          .getHeaders()
          .forEach((name, value) ->
              cased.put(upper ? name.toUpperCase(Locale.ROOT) : capitalised(name), value));
      event.setHeaders(cased);

      assertThat(world.send(event).getStatusCode()).as("upper case: " + upper).isEqualTo(202);
    }
  }

  private static String capitalised(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("-")) {
      if (!out.isEmpty()) {
        out.append('-');
      }
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  @Test
  void wrongSignature_is401_withAGenericBody() {
    APIGatewayV2HTTPResponse response = world.send(world.signed(acme, Secrets.whsec(), "{}"));

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getBody()).isEqualTo("{\"error\":\"unauthorized\"}");
    assertThat(world.bus.published()).isEmpty();
  }

  @Test
  void missingSignature_andStaleTimestamp_getTheSameAnswerAsAWrongOne() {
    APIGatewayV2HTTPEvent unsigned = world.signed(acme, secret, "{}");
    unsigned.getHeaders().remove("webhook-signature");
    APIGatewayV2HTTPEvent stale = world.signed(acme, secret, "{}");
    world.clock.advance(Duration.ofHours(1));

    APIGatewayV2HTTPResponse missing = world.send(unsigned);
    APIGatewayV2HTTPResponse late = world.send(stale);

    assertThat(missing.getStatusCode()).isEqualTo(401);
    assertThat(late.getStatusCode()).isEqualTo(401);
    assertThat(missing.getBody()).isEqualTo(late.getBody());
    assertThat(world.auditedRejections())
        .containsExactly("MISSING_SIGNATURE", "TIMESTAMP_OUT_OF_TOLERANCE");
  }

  @Test
  void malformedSignatureHeader_is400() {
    APIGatewayV2HTTPEvent event = world.signed(acme, secret, "{}");
    event.getHeaders().put("webhook-timestamp", "yesterday");

    APIGatewayV2HTTPResponse response = world.send(event);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).isEqualTo("{\"error\":\"bad request\"}");
  }

  @Test
  void rejections_areAudited_withAReasonCode_andNoSignatureOrSecret() {
    APIGatewayV2HTTPEvent forged = world.signed(acme, Secrets.whsec(), "{\"x\":1}");
    String signature = forged.getHeaders().get("webhook-signature");

    world.send(forged);

    RejectionTally audited = world.audit.tallies().getFirst();
    assertThat(audited.source()).isEqualTo("acme");
    assertThat(audited.counts()).containsExactly(Map.entry("SIGNATURE_MISMATCH", 1L));
    String everything = audited.toString();
    assertThat(everything.contains(signature.substring(3))).as("signature in audit").isFalse();
    assertThat(everything.contains(secret)).as("secret in audit").isFalse();
  }

  @Test
  void bodyLargerThanTheLimit_is413_andIsNotVerified() {
    WebhookWorld small = new WebhookWorld(WebhookSettings.DEFAULTS.withMaxBodyBytes(64));
    WebhookEntry source = small.source("acme", "standard-webhooks", Map.of(), secret);
    String atLimit = "\"" + "a".repeat(62) + "\"";

    APIGatewayV2HTTPResponse fits = small.send(small.signed(source, secret, atLimit));
    APIGatewayV2HTTPResponse over = small.send(small.signed(source, secret, atLimit + " "));

    assertThat(fits.getStatusCode()).isEqualTo(202);
    assertThat(over.getStatusCode()).isEqualTo(413);
    assertThat(WebhookWorld.body(over)).containsEntry("limitBytes", 64);
    assertThat(small.auditedRejections()).containsExactly("BODY_TOO_LARGE");
  }

  @Test
  void base64BodyOverTheLimit_is413_evenWhenItsTextWouldFit() {
    WebhookWorld small = new WebhookWorld(WebhookSettings.DEFAULTS.withMaxBodyBytes(9));
    WebhookEntry source = small.source("acme", "standard-webhooks", Map.of(), secret);
    byte[] ten = {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    APIGatewayV2HTTPResponse response =
        small.send(Deliveries.signed(source, secret, ten, small.clock.instant(), "msg_10"));

    assertThat(response.getStatusCode()).isEqualTo(413);
  }

  @Test
  void defaultBodyLimit_is256KiB() {
    assertThat(WebhookSettings.DEFAULTS.maxBodyBytes()).isEqualTo(262_144);
  }
}
