package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.stripe.net.Webhook.Signature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The providers' own libraries sign and we verify; we sign and they verify. Bodies are random
 * Unicode text because the libraries take the payload as a String.
 */
class ReferenceImplementationRoundTripTest {

  private static final int ROUNDS = 200;

  private static String randomPayload(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(2048);
    while (text.length() < length) {
      int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x1F000) : 0x20 + random.nextInt(95);
      if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
        continue; // a lone surrogate has no UTF-8 form; String.getBytes would replace it
      }
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private static Map<String, List<String>> multiValued(Map<String, String> headers) {
    return headers.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  private static WebhookRequest request(Map<String, String> headers, String payload) {
    return Fixtures.request(headers, payload.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void standardWebhooksLibrary_signs_andWeVerify() throws Exception {
    SplittableRandom random = new SplittableRandom();
    StandardWebhooksScheme scheme = new StandardWebhooksScheme();
    for (int round = 0; round < ROUNDS; round++) {
      String secret = SchemeCatalog.secretFor(scheme, random);
      String payload = randomPayload(random);
      String id = "msg_" + random.nextInt(1_000_000);
      long timestamp = 1_700_000_000L + random.nextInt(100_000_000);

      String signature = new com.standardwebhooks.Webhook(secret).sign(id, timestamp, payload);
      Map<String, String> headers =
          Map.of(
              "webhook-id", id,
              "webhook-timestamp", Long.toString(timestamp),
              "webhook-signature", signature);

      assertVerified(
          scheme.verify(
              request(headers, payload), List.of(secret), Instant.ofEpochSecond(timestamp)));
    }
  }

  @Test
  void weSign_andTheStandardWebhooksLibraryVerifies() {
    SplittableRandom random = new SplittableRandom();
    StandardWebhooksScheme scheme = new StandardWebhooksScheme();
    for (int round = 0; round < ROUNDS; round++) {
      String secret = SchemeCatalog.secretFor(scheme, random);
      String payload = randomPayload(random);
      // the library checks the timestamp against the system clock
      Map<String, String> headers =
          scheme.sign(
              secret,
              payload.getBytes(StandardCharsets.UTF_8),
              Instant.now(),
              "msg_" + random.nextInt(1_000_000));

      assertThatCode(
              () -> new com.standardwebhooks.Webhook(secret).verify(payload, multiValued(headers)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void svixLibrary_signs_andWeVerify_theSvixHeadersAsSent() throws Exception {
    SplittableRandom random = new SplittableRandom();
    StandardWebhooksScheme scheme = new StandardWebhooksScheme();
    for (int round = 0; round < ROUNDS; round++) {
      String secret = SchemeCatalog.secretFor(scheme, random);
      String payload = randomPayload(random);
      String id = "msg_" + random.nextInt(1_000_000);
      long timestamp = 1_700_000_000L + random.nextInt(100_000_000);

      String signature = new com.svix.Webhook(secret).sign(id, timestamp, payload);
      // the header names Svix's service and libraries send, taken from the library itself
      Map<String, String> headers =
          Map.of(
              com.svix.Webhook.SVIX_MSG_ID_KEY,
              id,
              com.svix.Webhook.SVIX_MSG_TIMESTAMP_KEY,
              Long.toString(timestamp),
              com.svix.Webhook.SVIX_MSG_SIGNATURE_KEY,
              signature);

      assertVerified(
          scheme.verify(
              request(headers, payload), List.of(secret), Instant.ofEpochSecond(timestamp)));
    }
  }

  @Test
  void weSign_andTheSvixLibraryVerifies() {
    SplittableRandom random = new SplittableRandom();
    StandardWebhooksScheme scheme = new StandardWebhooksScheme();
    for (int round = 0; round < ROUNDS; round++) {
      String secret = SchemeCatalog.secretFor(scheme, random);
      String payload = randomPayload(random);
      Map<String, String> headers =
          scheme.sign(
              secret,
              payload.getBytes(StandardCharsets.UTF_8),
              Instant.now(),
              "msg_" + random.nextInt(1_000_000));

      assertThatCode(() -> new com.svix.Webhook(secret).verify(payload, multiValued(headers)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void stripeLibrary_signs_andWeVerify() throws Exception {
    SplittableRandom random = new SplittableRandom();
    StripeScheme scheme = new StripeScheme();
    for (int round = 0; round < ROUNDS; round++) {
      String secret = SchemeCatalog.secretFor(scheme, random);
      String payload = randomPayload(random);
      long timestamp = 1_700_000_000L + random.nextInt(100_000_000);

      String header = Signature.generateSignatureHeader(payload, secret, timestamp);

      assertThat(header).startsWith("t=" + timestamp + ",v1=");
      assertVerified(
          scheme.verify(
              request(Map.of("Stripe-Signature", header), payload),
              List.of(secret),
              Instant.ofEpochSecond(timestamp)));
    }
  }

  @Test
  void weSign_andTheStripeLibraryVerifies() throws Exception {
    SplittableRandom random = new SplittableRandom();
    StripeScheme scheme = new StripeScheme();
    for (int round = 0; round < ROUNDS; round++) {
      String secret = SchemeCatalog.secretFor(scheme, random);
      String payload = randomPayload(random);
      Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000));

      String header =
          scheme
              .sign(secret, payload.getBytes(StandardCharsets.UTF_8), at, null)
              .get("Stripe-Signature");

      assertThat(
              Signature.verifyHeader(payload, header, secret, 300, Clock.fixed(at, ZoneOffset.UTC)))
          .isTrue();
    }
  }
}
