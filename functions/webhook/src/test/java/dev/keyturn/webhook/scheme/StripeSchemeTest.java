package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.NOW;
import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static dev.keyturn.webhook.scheme.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stripe publishes no test vector; known answers here come from plain JCA, and {@link
 * ReferenceImplementationRoundTripTest} checks against stripe-java itself.
 */
class StripeSchemeTest {

  private static final String SECRET = "whsec_test_secret_0123456789abcdef";
  private static final byte[] BODY = utf8("{\"id\":\"evt_1\",\"object\":\"event\"}");

  private final StripeScheme scheme = new StripeScheme();

  private static String v1(String secret, long t, byte[] body) {
    byte[] content = utf8(t + "." + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    return "v1=" + HexFormat.of().formatHex(TestMacs.hmacSha256(utf8(secret), content));
  }

  private VerificationResult verify(String header, List<String> candidates) {
    return scheme.verify(
        Fixtures.request(Map.of("Stripe-Signature", header), BODY), candidates, NOW);
  }

  @Test
  void verify_rejectsATimestampAheadOfTheClockByMoreThanTheTolerance_unlikeStripesLibraries() {
    long ahead = NOW.getEpochSecond() + 301;
    String header = "t=" + ahead + "," + v1(SECRET, ahead, BODY);

    assertRejected(verify(header, List.of(SECRET)), RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertVerified(
        new StripeScheme(600)
            .verify(
                Fixtures.request(Map.of("Stripe-Signature", header), BODY), List.of(SECRET), NOW));
  }

  @Test
  void verify_keysTheMacWithTheSecretStringBytes_notItsBase64Decoding() {
    long t = NOW.getEpochSecond();

    Verified verified =
        assertVerified(verify("t=" + t + "," + v1(SECRET, t, BODY), List.of(SECRET)));

    assertThat(verified.deliveryId()).isNull();
    assertThat(verified.matchedCandidate()).isZero();
  }

  @Test
  void verify_replayKeyIsTheEventId_whenTheBodyIsAStripeEvent() {
    long t = NOW.getEpochSecond();

    Verified verified =
        assertVerified(verify("t=" + t + "," + v1(SECRET, t, BODY), List.of(SECRET)));

    assertThat(verified.replayKey()).isEqualTo("stripe-event:evt_1");
  }

  @Test
  void verify_givesARetryOfTheSameEventTheSameReplayKey_despiteItsNewTimestampAndSignature() {
    long first = NOW.getEpochSecond() - 120;
    long retry = NOW.getEpochSecond();

    String firstKey =
        assertVerified(verify("t=" + first + "," + v1(SECRET, first, BODY), List.of(SECRET)))
            .replayKey();
    String retryKey =
        assertVerified(verify("t=" + retry + "," + v1(SECRET, retry, BODY), List.of(SECRET)))
            .replayKey();

    assertThat(retryKey).isEqualTo(firstKey).isEqualTo("stripe-event:evt_1");
  }

  @Test
  void verify_givesDifferentEventsDifferentReplayKeys() {
    long t = NOW.getEpochSecond();
    byte[] other = utf8("{\"id\":\"evt_2\",\"object\":\"event\"}");

    String key =
        assertVerified(verify("t=" + t + "," + v1(SECRET, t, BODY), List.of(SECRET))).replayKey();
    String otherKey = replayKeyOf(other, t);

    assertThat(otherKey).isEqualTo("stripe-event:evt_2").isNotEqualTo(key);
  }

  @Test
  void verify_keysByTheTopLevelId_skippingNestedObjectsAndArraysBeforeIt() {
    long t = NOW.getEpochSecond();
    byte[] body =
        utf8(
            "{\"data\":{\"object\":{\"id\":\"in_1\"}},\"list\":[{\"id\":\"il_1\"}],"
                + "\"id\":\"evt_3\",\"type\":\"invoice.paid\"}");

    assertThat(replayKeyOf(body, t)).isEqualTo("stripe-event:evt_3");
  }

  @Test
  void verify_keysByTheEventId_whenTheObjectFollowsJsonWhitespace() {
    assertThat(replayKeyOf(utf8(" \r\n\t{\"id\":\"evt_5\"}"), NOW.getEpochSecond()))
        .isEqualTo("stripe-event:evt_5");
  }

  @Test
  void verify_keysByTheSignedContentDigest_whenTheBodyNamesNoUsableEventId() {
    long t = NOW.getEpochSecond();
    for (String body :
        List.of(
            "{\"object\":\"event\",\"type\":\"invoice.paid\"}",
            "{\"id\":42,\"object\":\"event\"}",
            "{\"id\":null}",
            "{\"id\":{\"value\":\"evt_1\"}}",
            "{\"id\":\"evt 1\"}",
            "{\"id\":\"\"}",
            "{\"id\":\"evt_" + "x".repeat(DeliveryIds.MAX_LENGTH) + "\"}",
            "{\"data\":{\"id\":\"evt_1\"}}",
            "[{\"id\":\"evt_1\"}]",
            "\"evt_1\"",
            "id=evt_1",
            "{\"object\":\"event\",",
            "{id:\"evt_1\"}",
            "\uFEFF{\"id\":\"evt_1\"}",
            "")) {
      byte[] bytes = utf8(body);
      byte[] content = utf8(t + "." + body);
      String expected = "sha256:" + HexFormat.of().formatHex(sha256(content));

      assertThat(replayKeyOf(bytes, t)).as(body).isEqualTo(expected);
    }
  }

  @Test
  void verify_keepsTheEventKey_whenTheHeaderLosesOneOfItsV1Entries() {
    long t = NOW.getEpochSecond();
    String other = "whsec_other_secret";
    String both = "t=" + t + "," + v1(other, t, BODY) + "," + v1(SECRET, t, BODY);
    String stripped = "t=" + t + "," + v1(SECRET, t, BODY);

    String bothKey = assertVerified(verify(both, List.of(SECRET))).replayKey();
    String strippedKey = assertVerified(verify(stripped, List.of(SECRET))).replayKey();

    assertThat(strippedKey).isEqualTo(bothKey).isEqualTo("stripe-event:evt_1");
  }

  private String replayKeyOf(byte[] body, long t) {
    String header = "t=" + t + "," + v1(SECRET, t, body);
    return assertVerified(
            scheme.verify(
                Fixtures.request(Map.of("Stripe-Signature", header), body), List.of(SECRET), NOW))
        .replayKey();
  }

  @Test
  void verify_acceptsAnyOfSeveralV1Entries_andIgnoresV0AndUnknownKeys() {
    long t = NOW.getEpochSecond();
    String header =
        "t=" + t + "," + v1("whsec_other", t, BODY) + ",v0=abcdef," + v1(SECRET, t, BODY) + ",x=1";

    assertVerified(verify(header, List.of(SECRET)));
  }

  @Test
  void verify_toleratesSpacesAroundItems() {
    long t = NOW.getEpochSecond();

    assertVerified(verify("t=" + t + ", " + v1(SECRET, t, BODY) + " ", List.of(SECRET)));
  }

  @Test
  void verify_rejects_whenTheHeaderIsMissing() {
    assertRejected(
        scheme.verify(Fixtures.request(Map.of(), BODY), List.of(SECRET), NOW),
        RejectionReason.MISSING_SIGNATURE);
  }

  @Test
  void verify_rejects_headersWithoutExactlyOneTimestampAndAV1() {
    long t = NOW.getEpochSecond();
    String good = v1(SECRET, t, BODY);
    for (String header :
        List.of(
            good,
            "t=" + t,
            "t=" + t + ",v0=" + good.substring(3),
            "t=" + t + ",t=" + t + "," + good,
            "t=" + t + ",v1=zz" + good.substring(5),
            "t=" + t + ",v1=" + good.substring(4),
            "t=," + good,
            "t=12x," + good,
            ",,,,")) {
      assertRejected(verify(header, List.of(SECRET)), RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejects_whenTimestampOutsideTolerance_inEitherDirection() {
    for (long t : List.of(NOW.getEpochSecond() - 301, NOW.getEpochSecond() + 301)) {
      assertRejected(
          verify("t=" + t + "," + v1(SECRET, t, BODY), List.of(SECRET)),
          RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
  }

  @Test
  void verify_reportsAMismatch_whenSignedWithAnotherSecret() {
    long t = NOW.getEpochSecond();

    assertRejected(
        verify("t=" + t + "," + v1("whsec_other", t, BODY), List.of(SECRET)),
        RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void signWithEach_sendsOneV1PerSecret_likeStripeDuringARoll() {
    String next = Fixtures.newPlainSecret();
    Map<String, String> headers = StripeScheme.signWithEach(List.of(SECRET, next), BODY, NOW);

    String header = headers.get("Stripe-Signature");
    assertThat(header).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
    assertThat(header.split(",v1=")).hasSize(3);
    assertThat(assertVerified(verify(header, List.of(next))).matchedCandidate()).isZero();
  }

  private static byte[] sha256(byte[] content) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(content);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
