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

class GitHubSchemeTest {

  // GitHub Docs, "Validating webhook deliveries" > "Testing the webhook payload validation".
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String BODY = "Hello, World!";
  private static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  // SHA-256 of "Hello, World!" (e.g. `printf 'Hello, World!' | sha256sum`).
  private static final String BODY_SHA256 =
      "dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f";

  private final GitHubScheme scheme = new GitHubScheme();

  private VerificationResult verify(Map<String, String> headers) {
    return scheme.verify(Fixtures.request(headers, utf8(BODY)), List.of(SECRET), NOW);
  }

  @Test
  void verify_accepts_githubsDocumentedExample() {
    Verified verified =
        assertVerified(
            verify(Map.of("X-Hub-Signature-256", SIGNATURE, "X-GitHub-Delivery", "72d3162e")));

    assertThat(verified.deliveryId()).isEqualTo("72d3162e");
    assertThat(verified.replayKey()).isEqualTo("sha256:" + BODY_SHA256);
  }

  @Test
  void sign_reproduces_githubsDocumentedExample() {
    assertThat(scheme.sign(SECRET, utf8(BODY), NOW, "72d3162e"))
        .isEqualTo(Map.of("X-Hub-Signature-256", SIGNATURE, "X-GitHub-Delivery", "72d3162e"));
  }

  @Test
  void verify_keepsTheReplayKey_whenTheUnsignedDeliveryIdChanges() {
    Verified first =
        assertVerified(verify(Map.of("X-Hub-Signature-256", SIGNATURE, "X-GitHub-Delivery", "a")));
    Verified replayed =
        assertVerified(verify(Map.of("X-Hub-Signature-256", SIGNATURE, "X-GitHub-Delivery", "b")));

    assertThat(replayed.replayKey()).isEqualTo(first.replayKey());
  }

  @Test
  void verify_dropsAnUnsignedDeliveryIdThatIsNotAPlainLabel() {
    Verified verified =
        assertVerified(
            verify(Map.of("X-Hub-Signature-256", SIGNATURE, "X-GitHub-Delivery", "x".repeat(300))));

    assertThat(verified.deliveryId()).isNull();
  }

  @Test
  void verify_rejects_theLegacySha1HeaderAlone() {
    assertRejected(
        verify(Map.of("X-Hub-Signature", "sha1=0000000000000000000000000000000000000000")),
        RejectionReason.MISSING_SIGNATURE);
  }

  @Test
  void verify_rejects_signaturesWithoutThePrefixOrOfTheWrongLength() {
    for (String signature :
        List.of(
            SIGNATURE.substring(7),
            "sha1=" + SIGNATURE.substring(7),
            SIGNATURE + "ab",
            "sha256=")) {
      assertRejected(
          verify(Map.of("X-Hub-Signature-256", signature)), RejectionReason.MALFORMED_HEADER);
    }
  }
}
