package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import dev.keyturn.webhook.scheme.PropertyCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Malformed HTTP events (methods, paths, headers, bodies, base64 flags, missing event parts, and
 * corrupted copies of correctly signed deliveries) through the handler's event mapping and the real
 * service over in-memory ports: every one is answered 4xx, none is forwarded, nothing throws.
 */
class MalformedRequestPropertyTest {

  private static final int TRIES = 120_000;
  private static final int BODY_LIMIT = 2048;

  private static final List<String> HEADER_NAMES =
      List.of(
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature",
          "Stripe-Signature",
          "X-Slack-Signature",
          "X-Slack-Request-Timestamp",
          "X-Hub-Signature-256",
          "X-GitHub-Delivery",
          "Heroku-Webhook-Hmac-SHA256",
          "Heroku-Webhook-Id",
          "X-Shopify-Hmac-Sha256",
          "X-FreeScout-Signature",
          "X-Signature",
          "content-type");

  private static final String TRICKY = " ,.=:;tv01aA+/-_\t\r\n\u0000\u00e9\u2028\uffff%\"\\{}[]";

  private final WebhookWorld world =
      new WebhookWorld(
          new WebhookSettings(
              BODY_LIMIT, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofDays(7), "p"));
  private final List<WebhookEntry> sources = new ArrayList<>();

  /** What the current try sent, for the failure message: scheme and kind of change only. */
  private String sent;

  private final Map<String, String> secretOf = new HashMap<>();

  private void source(String name, String scheme, Map<String, String> options, String secret) {
    sources.add(world.source(name, scheme, options, secret));
    secretOf.put(name, secret);
  }

  @Test
  void malformedRequests_getOnly4xx_neverForwarded_neverThrown() {
    source("sw", "standard-webhooks", Map.of(), Secrets.whsec());
    source("stripe", "stripe", Map.of(), Secrets.hex());
    source("slack", "slack", Map.of(), Secrets.hex());
    source("gh", "github", Map.of(), Secrets.hex());
    source("heroku", "heroku", Map.of(), Secrets.hex());
    source("shopify", "shopify", Map.of(), Secrets.hex());
    source("fs", "freescout", Map.of(), Secrets.hex());
    source("custom", "generic-hmac", Map.of("header", "X-Signature", "encoding", "base64"), "k");
    Set<String> reasons = new TreeSet<>();

    PropertyCheck.forAll(
        "malformed requests are 4xx",
        TRIES,
        random -> {
          sent = "garbage";
          APIGatewayV2HTTPEvent event =
              random.nextInt(3) == 0 ? corruptedDelivery(random) : garbage(random);

          APIGatewayV2HTTPResponse response = world.send(event);

          assertThat(response.getStatusCode()).as(sent).isBetween(400, 499);
          assertThat(response.getBody()).isNotNull();
          world.audit.events().stream().map(AuditEvent::outcome).forEach(reasons::add);
          world.audit.clear();
        });

    assertThat(world.bus.published()).isEmpty();
    assertThat(reasons)
        .contains(
            "UNKNOWN_ROUTE",
            "METHOD_NOT_ALLOWED",
            "UNKNOWN_SOURCE",
            "BODY_TOO_LARGE",
            "MALFORMED_BODY",
            "MISSING_SIGNATURE",
            "MISSING_HEADER",
            "MALFORMED_HEADER",
            "TIMESTAMP_OUT_OF_TOLERANCE",
            "SIGNATURE_MISMATCH")
        .doesNotContain("VERIFIER_FAILURE");
  }

  /** A correctly signed delivery with one change that must make it fail. */
  private APIGatewayV2HTTPEvent corruptedDelivery(SplittableRandom random) {
    WebhookEntry source = sources.get(random.nextInt(sources.size()));
    String secret = secretOf.get(source.source());
    String body = "{\"n\":" + random.nextLong() + ",\"t\":\"" + text(random, 20) + "\"}";
    Instant at = world.clock.instant();
    int change = random.nextInt(5);
    sent = source.scheme() + " with change " + change;
    if (change == 0) {
      secret =
          source.scheme().equals("standard-webhooks")
              ? "whsec_" + Base64.getEncoder().encodeToString(bytes(random, 32))
              : hex(random, 64);
    } else if (change == 1) {
      at = at.plusSeconds(random.nextBoolean() ? 3600 : -3600);
    }
    APIGatewayV2HTTPEvent event =
        Deliveries.signed(
            source, secret, body.getBytes(StandardCharsets.UTF_8), at, "id" + random.nextInt());
    if (change == 1 && !isTimestamped(source)) {
      event.setBody(event.getBody() + " ");
    } else if (change == 2) {
      event.setBody(event.getBody() + (char) (' ' + random.nextInt(90)));
    } else if (change == 3) {
      corruptSignature(random, event.getHeaders());
    } else if (change == 4) {
      event
          .getHeaders()
          .replaceAll((name, value) -> random.nextBoolean() ? text(random, 40) : value);
      event.getHeaders().put("x-signature", text(random, 10));
      event.setBody(event.getBody() + "\n");
    }
    return event;
  }

  private static boolean isTimestamped(WebhookEntry source) {
    return Set.of("standard-webhooks", "stripe", "slack").contains(source.scheme());
  }

  private static void corruptSignature(SplittableRandom random, Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      if (name.contains("signature") || name.contains("hmac") || name.contains("x-hub")) {
        String value = header.getValue();
        // the middle: the last base64 character may carry unused bits a decoder ignores
        int i = value.length() / 2 - 4 + random.nextInt(8);
        // a digit: valid in hex and base64, and never the same value in another letter case
        char replaced = value.charAt(i) == '0' ? '1' : '0';
        header.setValue(value.substring(0, i) + replaced + value.substring(i + 1));
      }
    }
  }

  private APIGatewayV2HTTPEvent garbage(SplittableRandom random) {
    Map<String, String> headers = headers(random);
    APIGatewayV2HTTPEvent event =
        LocalFunctionUrl.event(
            method(random), "/webhooks/x", Map.of(), new byte[0], world.clock.instant());
    event.setRawPath(path(random));
    event.setHeaders(headers);
    boolean base64 = random.nextInt(3) == 0;
    event.setIsBase64Encoded(base64);
    event.setBody(body(random, base64));
    switch (random.nextInt(12)) {
      case 0 -> event.setRequestContext(null);
      case 1 -> event.getRequestContext().setHttp(null);
      case 2 -> event.getRequestContext().getHttp().setMethod(null);
      default -> {}
    }
    return event;
  }

  private static String method(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> "GET";
      case 1 -> "post";
      case 2 -> text(random, 8);
      case 3 -> "";
      default -> "POST";
    };
  }

  private String path(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> null;
      case 1 -> text(random, 40);
      case 2 -> "/webhooks/" + text(random, 12);
      case 3 -> "/webhooks/" + "a".repeat(60 + random.nextInt(10));
      case 4 -> "/webhooks/" + sources.get(random.nextInt(sources.size())).source() + "/x";
      default -> "/webhooks/" + sources.get(random.nextInt(sources.size())).source();
    };
  }

  private Map<String, String> headers(SplittableRandom random) {
    if (random.nextInt(15) == 0) {
      return null;
    }
    Map<String, String> headers = new HashMap<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      String name =
          random.nextInt(5) == 0
              ? text(random, 10)
              : HEADER_NAMES.get(random.nextInt(HEADER_NAMES.size()));
      headers.put(random.nextBoolean() ? name : name.toUpperCase(), headerValue(random));
    }
    if (random.nextInt(20) == 0) {
      headers.put(null, "x");
      headers.put("webhook-id", null);
    }
    return headers;
  }

  private String headerValue(SplittableRandom random) {
    long now = world.clock.instant().getEpochSecond();
    return switch (random.nextInt(8)) {
      case 0 -> Long.toString(now + random.nextInt(1200) - 600);
      case 1 -> "t=" + now + ",v1=" + hex(random, 64);
      case 2 -> "v1," + Base64.getEncoder().encodeToString(bytes(random, 32));
      case 3 -> "sha256=" + hex(random, 64);
      case 4 -> "v0=" + hex(random, 64);
      case 5 -> Base64.getEncoder().encodeToString(bytes(random, 32));
      case 6 -> "";
      default -> text(random, 50);
    };
  }

  private static String body(SplittableRandom random, boolean base64) {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "x".repeat(BODY_LIMIT + 1 + random.nextInt(100));
      case 3 -> base64 ? Base64.getEncoder().encodeToString(bytes(random, 200)) : "{\"a\":1}";
      case 4 -> base64 ? text(random, 30) + "!" : text(random, 300);
      default -> base64 ? Base64.getEncoder().encodeToString(bytes(random, 50)) : text(random, 80);
    };
  }

  private static String text(SplittableRandom random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(
          random.nextInt(4) == 0
              ? TRICKY.charAt(random.nextInt(TRICKY.length()))
              : (char) (' ' + random.nextInt(95)));
    }
    return out.toString();
  }

  private static String hex(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return out.toString();
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
