package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static dev.keyturn.webhook.scheme.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhooksSchemeTest {

  // Published test vector of the Standard Webhooks reference libraries (e.g.
  // standard-webhooks/standard-webhooks libraries/java/src/test/.../WebhookTest.java,
  // verifyWebhookSignWorks), also used in Svix's documentation.
  private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long VECTOR_TIMESTAMP = 1614265330;
  private static final String VECTOR_BODY = "{\"test\": 2432232314}";
  private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  // Asymmetric vector of the reference Go library (libraries/go/webhook_asymmetric_test.go,
  // TestAsymmetricWebhookSign): the private key seed, and the v1a signature of the same message.
  private static final String VECTOR_ED25519_SEED = "VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=";
  private static final String VECTOR_ED25519_SIGNATURE =
      "v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==";

  private static final Instant VECTOR_NOW = Instant.ofEpochSecond(VECTOR_TIMESTAMP);

  private final StandardWebhooksScheme scheme = new StandardWebhooksScheme();
  private final StandardWebhooksScheme asymmetric =
      new StandardWebhooksScheme(Timestamps.DEFAULT_TOLERANCE_SECONDS, KeyType.ED25519_PUBLIC);

  private static Map<String, String> vectorHeaders(String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("webhook-id", VECTOR_ID);
    headers.put("webhook-timestamp", Long.toString(VECTOR_TIMESTAMP));
    headers.put("webhook-signature", signature);
    return headers;
  }

  private VerificationResult verifyVector(Map<String, String> headers, List<String> candidates) {
    return scheme.verify(Fixtures.request(headers, utf8(VECTOR_BODY)), candidates, VECTOR_NOW);
  }

  private VerificationResult verifyVectorAsymmetric(
      Map<String, String> headers, List<String> candidates) {
    return asymmetric.verify(Fixtures.request(headers, utf8(VECTOR_BODY)), candidates, VECTOR_NOW);
  }

  @Test
  void verify_accepts_thePublishedTestVector() {
    Verified verified =
        assertVerified(verifyVector(vectorHeaders(VECTOR_SIGNATURE), List.of(VECTOR_SECRET)));

    assertThat(verified.deliveryId()).isEqualTo(VECTOR_ID);
    assertThat(verified.replayKey()).isEqualTo("id:" + VECTOR_ID);
    assertThat(verified.matchedCandidate()).isZero();
  }

  @Test
  void sign_reproduces_thePublishedTestVector() {
    Map<String, String> headers =
        scheme.sign(VECTOR_SECRET, utf8(VECTOR_BODY), VECTOR_NOW, VECTOR_ID);

    assertThat(headers).isEqualTo(vectorHeaders(VECTOR_SIGNATURE));
  }

  @Test
  void verify_accepts_aSecretWithoutItsPrefix_likeTheReferenceLibraries() {
    String unprefixed = VECTOR_SECRET.substring("whsec_".length());

    assertVerified(verifyVector(vectorHeaders(VECTOR_SIGNATURE), List.of(unprefixed)));
  }

  @Test
  void verify_accepts_whenOneOfSeveralEntriesMatches() {
    // the multi-signature case of the reference libraries' tests: wrong v1, unknown v2, good v1
    String header =
        "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
            + VECTOR_SIGNATURE
            + " v1,not-base64!";

    assertVerified(verifyVector(vectorHeaders(header), List.of(VECTOR_SECRET)));
  }

  @Test
  void verify_findsHeaders_regardlessOfTheirCase() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Webhook-Id", VECTOR_ID);
    headers.put("WEBHOOK-TIMESTAMP", Long.toString(VECTOR_TIMESTAMP));
    headers.put("Webhook-Signature", VECTOR_SIGNATURE);

    assertVerified(verifyVector(headers, List.of(VECTOR_SECRET)));
  }

  @Test
  void verify_accepts_thePublishedEd25519Vector_withTheWhpkPublicKey() {
    KeyPair keys = TestMacs.ed25519FromSeed(Base64.getDecoder().decode(VECTOR_ED25519_SEED));
    String publicKey = Ed25519Keys.encode(keys.getPublic());

    Verified verified =
        assertVerified(
            verifyVectorAsymmetric(vectorHeaders(VECTOR_ED25519_SIGNATURE), List.of(publicKey)));

    assertThat(publicKey).startsWith("whpk_");
    assertThat(verified.replayKey()).isEqualTo("id:" + VECTOR_ID);
  }

  @Test
  void verify_rejects_anEd25519SignatureByAnotherKey() {
    String otherKey = Ed25519Keys.encode(TestMacs.newEd25519().getPublic());

    assertRejected(
        verifyVectorAsymmetric(vectorHeaders(VECTOR_ED25519_SIGNATURE), List.of(otherKey)),
        RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void hmacSource_ignoresV1aEntries_andPublicKeyCandidates_evenWhenTheyWouldVerify() {
    KeyPair keys = TestMacs.newEd25519();
    byte[] content = utf8(VECTOR_ID + "." + VECTOR_TIMESTAMP + "." + VECTOR_BODY);
    String edEntry =
        "v1a," + Base64.getEncoder().encodeToString(TestMacs.ed25519Sign(keys, content));
    String header = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + edEntry;

    assertRejected(
        verifyVector(
            vectorHeaders(header), List.of(VECTOR_SECRET, Ed25519Keys.encode(keys.getPublic()))),
        RejectionReason.SIGNATURE_MISMATCH);
    assertVerified(
        verifyVectorAsymmetric(
            vectorHeaders(header), List.of(VECTOR_SECRET, Ed25519Keys.encode(keys.getPublic()))));
  }

  @Test
  void ed25519Primer_verifiesItsPublishedVector() {
    assertThat(Ed25519Primer.prime()).isTrue();
  }

  private static Map<String, String> svixHeaders() {
    Map<String, String> headers = new HashMap<>();
    headers.put("svix-id", VECTOR_ID);
    headers.put("svix-timestamp", Long.toString(VECTOR_TIMESTAMP));
    headers.put("svix-signature", VECTOR_SIGNATURE);
    return headers;
  }

  @Test
  void verify_acceptsSvixHeaderNames_asAliases() {
    Verified verified = assertVerified(verifyVector(svixHeaders(), List.of(VECTOR_SECRET)));

    assertThat(verified.replayKey()).isEqualTo("id:" + VECTOR_ID);
  }

  @Test
  void verify_acceptsBothNameSets_whenTheyAgree() {
    Map<String, String> both = svixHeaders();
    both.putAll(vectorHeaders(VECTOR_SIGNATURE));

    assertVerified(verifyVector(both, List.of(VECTOR_SECRET)));
  }

  @Test
  void verify_rejectsAsMalformed_bothNamesOfAHeaderWithDifferentValues() {
    for (String header : List.of("id", "timestamp", "signature")) {
      Map<String, String> both = svixHeaders();
      both.putAll(vectorHeaders(VECTOR_SIGNATURE));
      // the svix value is the one that verifies; the standard one disagrees
      both.put(
          "webhook-" + header,
          switch (header) {
            case "id" -> "msg_other";
            case "timestamp" -> Long.toString(VECTOR_TIMESTAMP + 1);
            default -> "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
          });

      assertRejected(verifyVector(both, List.of(VECTOR_SECRET)), RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejects_whenTheSignatureHeaderIsMissingOrEmpty() {
    Map<String, String> headers = vectorHeaders(VECTOR_SIGNATURE);
    headers.remove("webhook-signature");
    assertRejected(
        verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.MISSING_SIGNATURE);

    headers.put("webhook-signature", "  ");
    assertRejected(
        verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.MISSING_SIGNATURE);
  }

  @Test
  void verify_rejects_whenTheIdOrTimestampIsMissing() {
    for (String header : List.of("webhook-id", "webhook-timestamp")) {
      Map<String, String> headers = vectorHeaders(VECTOR_SIGNATURE);
      headers.remove(header);

      assertRejected(verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.MISSING_HEADER);
    }
  }

  @Test
  void verify_rejects_aTimestampThatIsNotAPlainNumber() {
    for (String timestamp : List.of("1614265330.5", "-1614265330", "+1614265330", "0x10", "abc")) {
      Map<String, String> headers = vectorHeaders(VECTOR_SIGNATURE);
      headers.put("webhook-timestamp", timestamp);

      assertRejected(
          verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejects_whenTimestampOutsideTolerance_inEitherDirection() {
    for (Instant now :
        List.of(
            VECTOR_NOW.plusSeconds(301),
            VECTOR_NOW.minusSeconds(301),
            Instant.EPOCH,
            Instant.MIN,
            Instant.MAX)) {
      VerificationResult result =
          scheme.verify(
              Fixtures.request(vectorHeaders(VECTOR_SIGNATURE), utf8(VECTOR_BODY)),
              List.of(VECTOR_SECRET),
              now);

      assertRejected(result, RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
  }

  @Test
  void verify_rejects_aTimestampTooLargeForALong_asOutOfTolerance() {
    Map<String, String> headers = vectorHeaders(VECTOR_SIGNATURE);
    headers.put("webhook-timestamp", "9".repeat(40));

    assertRejected(
        verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void verify_accepts_timestampsExactlyAtTheToleranceBoundary() {
    for (long offset : List.of(-300L, 300L)) {
      VerificationResult result =
          scheme.verify(
              Fixtures.request(vectorHeaders(VECTOR_SIGNATURE), utf8(VECTOR_BODY)),
              List.of(VECTOR_SECRET),
              VECTOR_NOW.plusSeconds(offset));

      assertVerified(result);
    }
  }

  @Test
  void verify_usesTheConfiguredTolerance() {
    StandardWebhooksScheme strict = new StandardWebhooksScheme(10);
    WebhookRequest request = Fixtures.request(vectorHeaders(VECTOR_SIGNATURE), utf8(VECTOR_BODY));

    assertVerified(strict.verify(request, List.of(VECTOR_SECRET), VECTOR_NOW.plusSeconds(10)));
    assertRejected(
        strict.verify(request, List.of(VECTOR_SECRET), VECTOR_NOW.plusSeconds(11)),
        RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void verify_rejects_anIdContainingADot_evenWhenProperlySigned() {
    // "a.1614265330" would make "<id>.<ts>.<body>" ambiguous: another split could verify too
    String id = "msg.1614265330";
    byte[] key = Base64.getDecoder().decode(VECTOR_SECRET.substring(6));
    byte[] mac = TestMacs.hmacSha256(key, utf8(id + "." + VECTOR_TIMESTAMP + "." + VECTOR_BODY));
    Map<String, String> headers = vectorHeaders("v1," + Base64.getEncoder().encodeToString(mac));
    headers.put("webhook-id", id);

    assertRejected(verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void verify_rejects_idsThatAreTooLongOrNotPrintableAscii() {
    for (String id : List.of("x".repeat(257), "msg 1", "msg\u00e9", "msg\u0001")) {
      Map<String, String> headers = vectorHeaders(VECTOR_SIGNATURE);
      headers.put("webhook-id", id);

      assertRejected(
          verifyVector(headers, List.of(VECTOR_SECRET)), RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejects_aHeaderWithoutAnyUsableEntry() {
    for (String header :
        List.of(
            "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "v1,",
            "v1,g0hM9SsE+OTPJTGt",
            "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")) {
      assertRejected(
          verifyVector(vectorHeaders(header), List.of(VECTOR_SECRET)),
          RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejectsAsMalformed_aSingleEntryOfTheUsualShapeThatIsNotCanonicalBase64() {
    String body = VECTOR_SIGNATURE.substring(3);
    // 'E' carries two unused low bits (zero); 'F' decodes to the same bytes with one of them set
    String nonCanonical = "v1," + body.substring(0, body.length() - 2) + "F=";
    String badCharacter = "v1," + body.substring(0, 10) + "!" + body.substring(11);
    String withSpace = "v1," + body.substring(0, 10) + " " + body.substring(11);
    for (String header : List.of(nonCanonical, badCharacter, withSpace)) {
      assertThat(header).hasSize(VECTOR_SIGNATURE.length());
      assertRejected(
          verifyVector(vectorHeaders(header), List.of(VECTOR_SECRET)),
          RejectionReason.MALFORMED_HEADER);
      assertRejected(
          verifyVector(vectorHeaders(header), List.of()), RejectionReason.MALFORMED_HEADER);
    }
  }

  @Test
  void verify_rejectsAsMismatch_aWellFormedSingleEntryNoCandidateProduced() {
    String body = VECTOR_SIGNATURE.substring(3);
    String otherSignature = "v1," + (body.charAt(0) == 'A' ? "B" : "A") + body.substring(1);

    assertRejected(
        verifyVector(vectorHeaders(otherSignature), List.of(VECTOR_SECRET)),
        RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_rejects_moreEntriesThanAnyProviderSends() {
    String header = (VECTOR_SIGNATURE + " ").repeat(ExpectedSignatures.MAX_ENTRIES + 1);

    assertRejected(
        verifyVector(vectorHeaders(header), List.of(VECTOR_SECRET)),
        RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void verify_reportsAMismatchThatARefreshCouldFix_whenNoCandidateSigned() {
    VerificationResult result =
        verifyVector(vectorHeaders(VECTOR_SIGNATURE), List.of(Fixtures.newWhsec()));

    assertRejected(result, RejectionReason.SIGNATURE_MISMATCH);
    assertThat(((Rejected) result).refreshMayHelp()).isTrue();
  }

  @Test
  void verify_reportsNoUsableSecret_whenNoCandidateIsAKey() {
    for (List<String> candidates :
        List.of(List.<String>of(), List.of("whsec_!!!"), List.of(""), List.of("whpk_AAAA"))) {
      assertRejected(
          verifyVector(vectorHeaders(VECTOR_SIGNATURE), candidates),
          RejectionReason.NO_USABLE_SECRET);
    }
    assertRejected(
        verifyVector(vectorHeaders(VECTOR_SIGNATURE), null), RejectionReason.NO_USABLE_SECRET);
  }

  @Test
  void verify_skipsUnusableCandidates_andReportsTheIndexOfTheOneThatMatched() {
    List<String> candidates = new java.util.ArrayList<>();
    candidates.add(null);
    candidates.add("whsec_not base64");
    candidates.add(Fixtures.newWhsec());
    candidates.add(VECTOR_SECRET);

    Verified verified = assertVerified(verifyVector(vectorHeaders(VECTOR_SIGNATURE), candidates));

    assertThat(verified.matchedCandidate()).isEqualTo(3);
  }

  @Test
  void signWithEach_producesOneEntryPerSecret_eachVerifiable() {
    String current = Fixtures.newWhsec();
    Map<String, String> headers =
        StandardWebhooksScheme.signWithEach(
            List.of(VECTOR_SECRET, current), utf8(VECTOR_BODY), VECTOR_NOW, VECTOR_ID);

    assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
    assertThat(assertVerified(verifyVector(headers, List.of(current))).matchedCandidate()).isZero();
  }

  @Test
  void sign_refusesAnIdThatCouldNotBeVerified_andAnUnusableSecret_withoutEchoingThem() {
    assertThatThrownBy(() -> scheme.sign(VECTOR_SECRET, new byte[0], VECTOR_NOW, "a.b"))
        .isInstanceOf(InvalidSigningInputException.class)
        .hasMessageNotContaining("a.b");
    assertThatThrownBy(() -> scheme.sign("whsec_$$$$", new byte[0], VECTOR_NOW, VECTOR_ID))
        .isInstanceOf(InvalidSigningInputException.class)
        .hasMessageNotContaining("$$$$");
  }
}
