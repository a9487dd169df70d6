package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> (also Svix): {@code v1} is
 * HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} keyed with a {@code whsec_}
 * base64 secret; {@code v1a} is ed25519 over the same bytes, checked with a {@code whpk_} public
 * key. {@code webhook-signature} lists space-separated {@code <version>,<base64>} entries and any
 * match verifies. The id is signed, so it is the replay key.
 */
public final class StandardWebhooksScheme extends AbstractScheme {

  public static final String NAME = "standard-webhooks";
  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";
  public static final String SECRET_PREFIX = "whsec_";

  private static final MacCache MACS =
      new MacCache(HmacAlgorithm.SHA256, StandardWebhooksScheme::hmacKey);

  private final long toleranceSeconds;

  public StandardWebhooksScheme() {
    this(Timestamps.DEFAULT_TOLERANCE_SECONDS);
  }

  public StandardWebhooksScheme(long toleranceSeconds) {
    this.toleranceSeconds = toleranceSeconds;
  }

  static StandardWebhooksScheme from(SchemeOptions options) {
    return new StandardWebhooksScheme(options.toleranceSeconds());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String signatureHeader() {
    return SIGNATURE_HEADER;
  }

  @Override
  VerificationResult check(WebhookRequest request, List<String> candidates, Instant now) {
    Headers headers = request.headers();
    String signatures = headers.get(SIGNATURE_HEADER);
    if (signatures == null || signatures.isEmpty()) {
      return reject(RejectionReason.MISSING_SIGNATURE);
    }
    String id = headers.get(ID_HEADER);
    String timestamp = headers.get(TIMESTAMP_HEADER);
    if (id == null || id.isEmpty() || timestamp == null || timestamp.isEmpty()) {
      return reject(RejectionReason.MISSING_HEADER);
    }
    long seconds = Timestamps.parseSeconds(timestamp);
    byte[] prefix = seconds == Timestamps.MALFORMED ? null : signedPrefix(id, timestamp);
    if (prefix == null) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    if (!Timestamps.withinTolerance(seconds, now, toleranceSeconds)) {
      return reject(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
    SignedContent content = new SignedContent(prefix, request.body());
    if (SignatureEntries.isSingleHmac(signatures)) {
      return checkSingleHmac(signatures, candidates, content, id);
    }
    SignatureEntries entries = SignatureEntries.parse(signatures);
    if (entries == null) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    int match =
        firstMatch(
            candidates,
            content,
            entries.ed25519(),
            mac -> !entries.hmac().isEmpty() && entries.hmac().contains(mac));
    return match >= 0 ? verified(id, match) : failure(match);
  }

  /**
   * The usual header, one {@code v1,<base64>} entry: each candidate's MAC is encoded and compared
   * with it in constant time, as the reference libraries do, so a delivery that verifies is never
   * decoded. Only one that matches no candidate is parsed, to tell a malformed header (400) from a
   * wrong signature (401): the same answers as decoding first.
   */
  private static VerificationResult checkSingleHmac(
      String signatures, List<String> candidates, SignedContent content, String id) {
    byte[] header = signatures.getBytes(StandardCharsets.ISO_8859_1);
    int match =
        firstMatch(
            candidates,
            content,
            SignatureEntries.NO_ED25519,
            mac -> Codecs.isBase64At(mac, header, SignatureEntries.SINGLE_HMAC_OFFSET));
    if (match >= 0) {
      return verified(id, match);
    }
    return SignatureEntries.parse(signatures) == null
        ? reject(RejectionReason.MALFORMED_HEADER)
        : failure(match);
  }

  private static VerificationResult verified(String id, int match) {
    return new VerificationResult.Verified(id, "id:" + id, match);
  }

  /**
   * @param ed25519 the request's v1a signatures
   * @param hmacMatches whether a MAC is among the request's v1 signatures
   */
  private static int firstMatch(
      List<String> candidates,
      SignedContent content,
      ExpectedSignatures ed25519,
      Predicate<byte[]> hmacMatches) {
    if (candidates == null) {
      return HmacMatcher.NO_USABLE_SECRET;
    }
    boolean anyUsable = false;
    for (int i = 0, n = candidates.size(); i < n; i++) {
      String candidate = candidates.get(i);
      if (candidate == null) {
        continue;
      }
      if (Ed25519Keys.isPublicKey(candidate)) {
        PublicKey key = Ed25519Keys.publicKey(candidate);
        anyUsable |= key != null;
        if (key != null && Ed25519Keys.verifiesAny(key, content, ed25519)) {
          return i;
        }
      } else {
        var mac = MACS.macFor(candidate);
        anyUsable |= mac != null;
        if (mac != null && hmacMatches.test(content.macWith(mac))) {
          return i;
        }
      }
    }
    return anyUsable ? HmacMatcher.NO_MATCH : HmacMatcher.NO_USABLE_SECRET;
  }

  @Override
  public Map<String, String> sign(String secret, byte[] body, Instant at, String deliveryId) {
    return signWithEach(List.of(secret), body, at, deliveryId);
  }

  /**
   * Headers signed with every secret, as a provider sends them while it rotates a key: one {@code
   * v1} entry per secret.
   */
  public static Map<String, String> signWithEach(
      List<String> secrets, byte[] body, Instant at, String deliveryId) {
    String timestamp = Long.toString(at.getEpochSecond());
    byte[] prefix = signedPrefix(deliveryId, timestamp);
    if (prefix == null) {
      throw new InvalidSigningInputException(
          NAME, "deliveryId", "must be 1-256 printable ASCII characters without spaces or '.'");
    }
    if (at.getEpochSecond() < 0) {
      throw new InvalidSigningInputException(NAME, "at", "must not be before 1970");
    }
    SignedContent content = new SignedContent(prefix, body);
    StringJoiner signatures = new StringJoiner(" ");
    for (String secret : secrets) {
      var mac = secret == null ? null : MACS.macFor(secret);
      if (mac == null) {
        throw new InvalidSigningInputException(NAME, "secret", "is not a whsec_ base64 key");
      }
      signatures.add("v1," + Codecs.base64(content.macWith(mac)));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID_HEADER, deliveryId);
    headers.put(TIMESTAMP_HEADER, timestamp);
    headers.put(SIGNATURE_HEADER, signatures.toString());
    return headers;
  }

  /**
   * {@code <id>.<timestamp>.} as bytes, checking the id in the same pass: null unless it is 1-256
   * printable ASCII characters without '.' (the id goes before a '.', so one inside would make the
   * content ambiguous). The timestamp is already checked to be digits.
   */
  private static byte[] signedPrefix(String id, String timestamp) {
    int idLength = id == null ? 0 : id.length();
    if (idLength == 0 || idLength > DeliveryIds.MAX_LENGTH) {
      return null;
    }
    byte[] prefix = new byte[idLength + timestamp.length() + 2];
    for (int i = 0; i < idLength; i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c > '~' || c == '.') {
        return null;
      }
      prefix[i] = (byte) c;
    }
    prefix[idLength] = '.';
    for (int i = 0, n = timestamp.length(); i < n; i++) {
      prefix[idLength + 1 + i] = (byte) timestamp.charAt(i);
    }
    prefix[prefix.length - 1] = '.';
    return prefix;
  }

  /** The key of a {@code whsec_} secret (the prefix is optional, as in the reference libraries). */
  private static byte[] hmacKey(String secret) {
    if (secret.startsWith(Ed25519Keys.PUBLIC_KEY_PREFIX) || secret.startsWith("whsk_")) {
      return null; // an asymmetric key, never an HMAC secret
    }
    int from = secret.startsWith(SECRET_PREFIX) ? SECRET_PREFIX.length() : 0;
    return Codecs.base64DecodeKey(secret, from);
  }
}
