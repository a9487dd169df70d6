package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static dev.keyturn.webhook.scheme.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSchemeTest {

  // The worked example in Slack's documentation, "Verifying requests from Slack"
  // (https://api.slack.com/authentication/verifying-requests-from-slack).
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
          + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  private static final Instant DOC_NOW = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

  private final SlackScheme scheme = new SlackScheme();

  private static Map<String, String> docHeaders() {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Slack-Request-Timestamp", TIMESTAMP);
    headers.put("X-Slack-Signature", SIGNATURE);
    return headers;
  }

  private VerificationResult verify(Map<String, String> headers, Instant now) {
    return scheme.verify(Fixtures.request(headers, utf8(BODY)), List.of(SECRET), now);
  }

  @Test
  void verify_accepts_slacksDocumentedExample() {
    Verified verified = assertVerified(verify(docHeaders(), DOC_NOW.plusSeconds(60)));

    assertThat(verified.deliveryId()).isNull();
    assertThat(verified.replayKey()).startsWith("sha256:").hasSize(7 + 64);
  }

  @Test
  void sign_reproduces_slacksDocumentedExample() {
    assertThat(scheme.sign(SECRET, utf8(BODY), DOC_NOW, null)).isEqualTo(docHeaders());
  }

  @Test
  void verify_acceptsUpperCaseHex() {
    Map<String, String> headers = docHeaders();
    headers.put("X-Slack-Signature", "v0=" + SIGNATURE.substring(3).toUpperCase());

    assertVerified(verify(headers, DOC_NOW));
  }

  @Test
  void verify_rejects_whenTheTimestampHeaderIsMissing() {
    Map<String, String> headers = docHeaders();
    headers.remove("X-Slack-Request-Timestamp");

    assertRejected(verify(headers, DOC_NOW), RejectionReason.MISSING_HEADER);
  }

  @Test
  void verify_rejects_whenTheSignatureHeaderIsMissing() {
    Map<String, String> headers = docHeaders();
    headers.remove("X-Slack-Signature");

    assertRejected(verify(headers, DOC_NOW), RejectionReason.MISSING_SIGNATURE);
  }

  @Test
  void verify_rejects_signaturesOfAnotherVersionOrLength() {
    for (String signature :
        List.of(
            "v1=" + SIGNATURE.substring(3),
            SIGNATURE.substring(3),
            SIGNATURE + "00",
            SIGNATURE.substring(0, SIGNATURE.length() - 1),
            "v0=")) {
      Map<String, String> headers = docHeaders();
      headers.put("X-Slack-Signature", signature);

      assertRejected(verify(headers, DOC_NOW), RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejects_whenTimestampOutsideTolerance_inEitherDirection() {
    assertRejected(
        verify(docHeaders(), DOC_NOW.plusSeconds(301)), RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertRejected(
        verify(docHeaders(), DOC_NOW.minusSeconds(301)),
        RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void verify_signsTheTimestampHeader_soChangingItIsAMismatch() {
    Map<String, String> headers = docHeaders();
    headers.put("X-Slack-Request-Timestamp", "1531420619");

    assertRejected(verify(headers, DOC_NOW), RejectionReason.SIGNATURE_MISMATCH);
  }
}
