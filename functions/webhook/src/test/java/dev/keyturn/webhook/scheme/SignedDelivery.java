package dev.keyturn.webhook.scheme;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A correctly signed delivery for some scheme, generated for property tests. */
record SignedDelivery(
    AbstractScheme scheme, String secret, byte[] body, Map<String, String> headers, Instant now) {

  static SignedDelivery generate(AbstractScheme scheme, SplittableRandom random) {
    String secret = SchemeCatalog.secretFor(scheme, random);
    byte[] body = Gen.bytes(random, 2048);
    if (body.length == 0) {
      body = new byte[] {(byte) random.nextInt()};
    }
    Instant now = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(500_000_000));
    Instant signedAt = now.plusSeconds(random.nextInt(-300, 301));
    String id = "msg_" + Gen.printable(random, 40).replace('.', '_');
    return new SignedDelivery(
        scheme, secret, body, new HashMap<>(scheme.sign(secret, body, signedAt, id)), now);
  }

  WebhookRequest request() {
    return new WebhookRequest(body, Headers.of(headers));
  }

  VerificationResult verify() {
    return verifyWith(request(), List.of(secret));
  }

  VerificationResult verifyWith(WebhookRequest request, List<String> candidates) {
    return scheme.verify(request, candidates, now);
  }

  /** The header (provider spelling) holding the signature itself. */
  String signatureHeader() {
    return switch (scheme) {
      case StandardWebhooksScheme s -> StandardWebhooksScheme.SIGNATURE_HEADER;
      case StripeScheme s -> StripeScheme.SIGNATURE_HEADER;
      case SlackScheme s -> SlackScheme.SIGNATURE_HEADER;
      case GitHubScheme s -> GitHubScheme.SIGNATURE_HEADER;
      case HerokuScheme s -> HerokuScheme.SIGNATURE_HEADER;
      case ShopifyScheme s -> ShopifyScheme.SIGNATURE_HEADER;
      case FreeScoutScheme s -> FreeScoutScheme.SIGNATURE_HEADER;
      case GenericHmacScheme s -> "X-Signature";
    };
  }

  /** Whether the signature is hex, where a digit's case does not change its value. */
  boolean signatureIsHex() {
    return scheme instanceof StripeScheme
        || scheme instanceof SlackScheme
        || scheme instanceof GitHubScheme;
  }
}
