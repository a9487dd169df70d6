package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Shared test inputs and result assertions. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static WebhookRequest request(Map<String, String> headers, byte[] body) {
    return new WebhookRequest(body, Headers.of(headers));
  }

  /** A fresh random Standard Webhooks secret. */
  static String newWhsec() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** A fresh random secret in a provider's plain-string style. */
  static String newPlainSecret() {
    byte[] key = new byte[18];
    RANDOM.nextBytes(key);
    return "s3cr3t-" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** Asserts verification and returns the result; the message never shows secrets or bodies. */
  static Verified assertVerified(VerificationResult result) {
    assertThat(result).isInstanceOf(Verified.class);
    return (Verified) result;
  }

  static void assertRejected(VerificationResult result, RejectionReason reason) {
    assertThat(result).isEqualTo(new Rejected(reason));
  }

  static List<String> candidates(String... secrets) {
    return List.of(secrets);
  }
}
