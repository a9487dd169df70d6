package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The key type comes from the inventory, never from the stored value: an ed25519 public key is
 * never an HMAC key (anyone knowing it could forge {@code v1}), and a value that does not match its
 * declared type is not used at all.
 */
class KeyTypeTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final byte[] BODY = "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);

  final KeyPair sender = TestMacs.newEd25519();
  final String publicKey = Ed25519Keys.encode(sender.getPublic());
  final String unprefixedPublicKey = publicKey.substring(Ed25519Keys.PUBLIC_KEY_PREFIX.length());

  private static SignatureScheme scheme(String keyType) {
    return Schemes.create("standard-webhooks", Map.of("keyType", keyType));
  }

  private static Map<String, String> headers(String signature) {
    return Map.of(
        "webhook-id",
        "msg_1",
        "webhook-timestamp",
        Long.toString(NOW.getEpochSecond()),
        "webhook-signature",
        signature);
  }

  private static byte[] content() {
    return ("msg_1." + NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What anyone who knows the public key can compute: HMAC keyed by the key's bytes. */
  private String forgedV1(String storedValue) {
    byte[] key = Base64.getDecoder().decode(storedValue);
    return "v1," + Base64.getEncoder().encodeToString(TestMacs.hmacSha256(key, content()));
  }

  private VerificationResult verify(SignatureScheme scheme, String signature, String stored) {
    return scheme.verify(Fixtures.request(headers(signature), BODY), List.of(stored), NOW);
  }

  @Test
  void publicKeyStoredWithoutItsPrefix_cannotBeUsedToForgeAnHmacSignature() {
    VerificationResult forged =
        verify(scheme("ed25519-public"), forgedV1(unprefixedPublicKey), unprefixedPublicKey);

    assertRejected(forged, RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void publicKeyStoredWithoutItsPrefix_verifiesTheSendersV1a_whenDeclared() {
    String v1a =
        "v1a," + Base64.getEncoder().encodeToString(TestMacs.ed25519Sign(sender, content()));

    assertVerified(verify(scheme("ed25519-public"), v1a, unprefixedPublicKey));
    assertVerified(verify(scheme("ed25519-public"), v1a, publicKey));
  }

  @Test
  void hmacSource_neverVerifiesV1a_evenWithTheRightPublicKeyStored() {
    String v1a =
        "v1a," + Base64.getEncoder().encodeToString(TestMacs.ed25519Sign(sender, content()));

    assertRejected(verify(scheme("hmac"), v1a, publicKey), RejectionReason.NO_USABLE_SECRET);
  }

  @Test
  void valueNotMatchingItsDeclaredType_isNotUsed_failClosed() {
    String hmacSecret = Fixtures.newWhsec();
    String signedWithHmac =
        new StandardWebhooksScheme().sign(hmacSecret, BODY, NOW, "msg_1").get("webhook-signature");

    assertRejected(
        verify(scheme("ed25519-public"), signedWithHmac, hmacSecret),
        RejectionReason.NO_USABLE_SECRET);
    assertRejected(
        verify(scheme("hmac"), forgedV1(unprefixedPublicKey), publicKey),
        RejectionReason.NO_USABLE_SECRET);
    assertRejected(
        verify(scheme("ed25519-public"), "v1a," + "A".repeat(86) + "==", "whpk_AAAA"),
        RejectionReason.NO_USABLE_SECRET);
  }

  @Test
  void keyTypeOption_isValidated_perScheme() {
    assertThat(Schemes.validateOptions("standard-webhooks", Map.of("keyType", "ed25519-public")))
        .isEmpty();
    assertThat(Schemes.validateOptions("github", Map.of("keyType", "hmac"))).isEmpty();
    assertThat(Schemes.validateOptions("github", Map.of("keyType", "ed25519-public")))
        .singleElement()
        .asString()
        .contains("keyType", "[hmac]");
    assertThat(Schemes.validateOptions("standard-webhooks", Map.of("keyType", "rsa")))
        .singleElement()
        .asString()
        .contains("keyType", "hmac or ed25519-public");
  }
}
