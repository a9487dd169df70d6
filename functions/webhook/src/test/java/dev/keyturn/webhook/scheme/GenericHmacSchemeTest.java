package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.NOW;
import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static dev.keyturn.webhook.scheme.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericHmacSchemeTest {

  // RFC 4231 (HMAC-SHA256/512), test case 2.
  private static final String KEY = "Jefe";
  private static final String DATA = "what do ya want for nothing?";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sha256,5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    "sha512,164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
  })
  void verify_accepts_theRfcTestVectors_inHexAndBase64(String algorithm, String hexMac) {
    byte[] mac = HexFormat.of().parseHex(hexMac);
    for (String encoding : List.of("hex", "base64")) {
      SignatureScheme scheme =
          Schemes.create(
              "generic-hmac",
              Map.of("header", "X-Signature", "algorithm", algorithm, "encoding", encoding));
      String value = encoding.equals("hex") ? hexMac : Base64.getEncoder().encodeToString(mac);

      assertVerified(
          scheme.verify(
              Fixtures.request(Map.of("x-signature", value), utf8(DATA)), List.of(KEY), NOW));
    }
  }

  @Test
  void sha1_isRefused_forGenericSources_whileFreeScoutsOwnSchemeKeepsIt() {
    assertThat(
            Schemes.validateOptions("generic-hmac", Map.of("header", "X-Sig", "algorithm", "sha1")))
        .singleElement()
        .asString()
        .contains("'algorithm'", "[sha256, sha512]");
    assertThat(Schemes.create("freescout", Map.of())).isInstanceOf(FreeScoutScheme.class);
  }

  @Test
  void verify_requiresTheConfiguredPrefix() {
    SignatureScheme scheme =
        Schemes.create("generic-hmac", Map.of("header", "X-Sig", "prefix", "sha256="));
    String mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    assertVerified(
        scheme.verify(
            Fixtures.request(Map.of("X-Sig", "sha256=" + mac), utf8(DATA)), List.of(KEY), NOW));
    assertRejected(
        scheme.verify(Fixtures.request(Map.of("X-Sig", mac), utf8(DATA)), List.of(KEY), NOW),
        RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void verify_reportsTheOptionalUnsignedIdHeader() {
    SignatureScheme scheme =
        Schemes.create("generic-hmac", Map.of("header", "X-Sig", "idHeader", "X-Event-Id"));
    String mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    Verified verified =
        assertVerified(
            scheme.verify(
                Fixtures.request(Map.of("X-Sig", mac, "X-Event-Id", "evt-9"), utf8(DATA)),
                List.of(KEY),
                NOW));

    assertThat(verified.deliveryId()).isEqualTo("evt-9");
  }

  @Test
  void sign_producesWhatVerifyAccepts_forEveryAlgorithmAndEncoding() {
    for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
      for (SignatureEncoding encoding : SignatureEncoding.values()) {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Sig", algorithm, encoding, "v=", null);
        String secret = Fixtures.newPlainSecret();
        byte[] body = utf8("payload");

        Map<String, String> headers = scheme.sign(secret, body, NOW, null);

        assertThat(headers).containsOnlyKeys("X-Sig");
        assertVerified(scheme.verify(Fixtures.request(headers, body), List.of(secret), NOW));
      }
    }
  }
}
