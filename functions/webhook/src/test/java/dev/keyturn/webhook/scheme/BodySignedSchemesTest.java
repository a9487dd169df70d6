package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.NOW;
import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static dev.keyturn.webhook.scheme.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heroku, Shopify and FreeScout publish no test vectors. These known answers were computed
 * independently of this code with Python's hmac module, e.g. {@code
 * base64.b64encode(hmac.new(b'heroku-webhook-secret', body, hashlib.sha256).digest())}.
 */
class BodySignedSchemesTest {

  @Test
  void heroku_verifiesTheBase64Sha256OfTheBody_andReportsItsUnsignedId() {
    byte[] body =
        utf8("{\"action\":\"update\",\"resource\":\"release\",\"data\":{\"version\":42}}");
    Map<String, String> headers =
        Map.of(
            "Heroku-Webhook-Hmac-SHA256", "2QeHa4Z3cEqkTB4s7cfiaaDquk2nEQj8JgGrmnISyGQ=",
            "Heroku-Webhook-Id", "6d0ac1d4-9b2a-4b6b-8f6e-1c5f7d3a2b10");

    Verified verified =
        assertVerified(
            new HerokuScheme()
                .verify(Fixtures.request(headers, body), List.of("heroku-webhook-secret"), NOW));

    assertThat(verified.deliveryId()).isEqualTo("6d0ac1d4-9b2a-4b6b-8f6e-1c5f7d3a2b10");
    assertThat(verified.replayKey()).startsWith("sha256:");
  }

  @Test
  void shopify_verifiesTheBase64Sha256OfTheBody() {
    byte[] body = utf8("{\"id\":820982911946154508,\"email\":\"jon@example.com\"}");
    Map<String, String> headers =
        Map.of(
            "X-Shopify-Hmac-Sha256", "0qOPB+qCuD6PqdjeIalQfDaZqdpEKmDncWovN8XEnt0=",
            "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");

    Verified verified =
        assertVerified(
            new ShopifyScheme()
                .verify(Fixtures.request(headers, body), List.of("shopify-app-secret"), NOW));

    assertThat(verified.deliveryId()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
  }

  @Test
  void freescout_verifiesTheBase64Sha1OfTheBody() {
    byte[] body = utf8("{\"id\":42,\"status\":\"active\"}");
    Map<String, String> headers = Map.of("X-FreeScout-Signature", "jufS10GPh6UxW7jFJ3yoKs331GY=");

    Verified verified =
        assertVerified(
            new FreeScoutScheme()
                .verify(Fixtures.request(headers, body), List.of("freescout-secret"), NOW));

    assertThat(verified.deliveryId()).isNull();
  }

  @Test
  void freescout_rejects_aSha256SizedSignature() {
    byte[] body = utf8("{\"id\":42,\"status\":\"active\"}");
    Map<String, String> headers =
        Map.of("X-FreeScout-Signature", "2QeHa4Z3cEqkTB4s7cfiaaDquk2nEQj8JgGrmnISyGQ=");

    assertRejected(
        new FreeScoutScheme()
            .verify(Fixtures.request(headers, body), List.of("freescout-secret"), NOW),
        RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void everyBodySignedScheme_roundTripsItsOwnSignature_andRejectsAChangedBody() {
    for (BodyHmacScheme scheme :
        List.of(
            new HerokuScheme(), new ShopifyScheme(), new FreeScoutScheme(), new GitHubScheme())) {
      String secret = Fixtures.newPlainSecret();
      byte[] body = utf8("{\"scheme\":\"" + scheme.name() + "\"}");
      Map<String, String> headers = scheme.sign(secret, body, NOW, "delivery-1");

      assertVerified(scheme.verify(Fixtures.request(headers, body), List.of(secret), NOW));
      assertRejected(
          scheme.verify(Fixtures.request(headers, utf8("{}")), List.of(secret), NOW),
          RejectionReason.SIGNATURE_MISMATCH);
    }
  }
}
