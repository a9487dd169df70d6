package dev.keyturn.webhook.scheme;

import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> (also Svix): {@code v1} is
 * HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} keyed with a {@code whsec_}
 * base64 secret; {@code v1a} is ed25519 over the same bytes, checked with a {@code whpk_} public
 * key. {@code webhook-signature} lists space-separated {@code <version>,<base64>} entries and any
 * match verifies. The id is signed, so it is the replay key.
 *
 * <p>The source's declared {@link KeyType} decides which entries count: {@code hmac} checks only
 * {@code v1} entries and refuses {@code whpk_}/{@code whsk_} values; {@code ed25519-public} checks
 * only {@code v1a} entries against the public key (with or without its {@code whpk_} prefix) and
 * never uses it as an HMAC key, which would let anyone who knows the public key forge {@code v1}.
 */
public final class StandardWebhooksScheme extends AbstractScheme {

  public static final String NAME = "standard-webhooks";
  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  /**
   * Svix's own service and libraries send the same three headers under {@code svix-*} names; they
   * are read as aliases. A request carrying both names of one header with different values is
   * malformed (which one did the sender sign?).
   */
  public static final String SVIX_ID_HEADER = "svix-id";

  public static final String SVIX_TIMESTAMP_HEADER = "svix-timestamp";
  public static final String SVIX_SIGNATURE_HEADER = "svix-signature";

  /** Marks a header whose two names disagree; compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String CONFLICT = new String("conflicting header names");

  public static final String SECRET_PREFIX = "whsec_";

  private static final MacCache MACS =
      new MacCache(HmacAlgorithm.SHA256, StandardWebhooksScheme::hmacKey);

  private final long toleranceSeconds;
  private final KeyType keyType;

  public StandardWebhooksScheme() {
    this(Timestamps.DEFAULT_TOLERANCE_SECONDS, KeyType.HMAC);
  }

  public StandardWebhooksScheme(long toleranceSeconds) {
    this(toleranceSeconds, KeyType.HMAC);
  }

  public StandardWebhooksScheme(long toleranceSeconds, KeyType keyType) {
    this.toleranceSeconds = toleranceSeconds;
    this.keyType = keyType;
  }

  static StandardWebhooksScheme from(SchemeOptions options, KeyType keyType) {
    return new StandardWebhooksScheme(options.toleranceSeconds(), keyType);
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
    String svixSignatures = headers.get(SVIX_SIGNATURE_HEADER);
    String signatures;
    String id;
    String timestamp;
    if (svixSignatures == null) {
      // no Svix set (svix-id or svix-timestamp alone sign nothing): the standard names only
      signatures = headers.get(SIGNATURE_HEADER);
      id = headers.get(ID_HEADER);
      timestamp = headers.get(TIMESTAMP_HEADER);
    } else {
      signatures = agreed(headers.get(SIGNATURE_HEADER), svixSignatures);
      id = agreed(headers.get(ID_HEADER), headers.get(SVIX_ID_HEADER));
      timestamp = agreed(headers.get(TIMESTAMP_HEADER), headers.get(SVIX_TIMESTAMP_HEADER));
    }
    if (signatures == CONFLICT || id == CONFLICT || timestamp == CONFLICT) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    if (signatures == null || signatures.isEmpty()) {
      return reject(RejectionReason.MISSING_SIGNATURE);
    }
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
    if (keyType == KeyType.HMAC && SignatureEntries.isSingleHmac(signatures)) {
      return checkSingleHmac(signatures, candidates, content, id);
    }
    SignatureEntries entries = SignatureEntries.parse(signatures);
    if (entries == null) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    int match =
        keyType == KeyType.ED25519_PUBLIC
            ? firstEd25519Match(candidates, content, entries.ed25519())
            : HmacMatcher.firstMatch(MACS, candidates, content, entries.hmac());
    return match >= 0 ? verified(id, match) : failure(match);
  }

  /**
   * A header's value under its standard name or its Svix alias; {@link #CONFLICT} if both differ.
   */
  private static String agreed(String standard, String svix) {
    if (standard == null) {
      return svix;
    }
    return svix == null || svix.equals(standard) ? standard : CONFLICT;
  }

  /**
   * The usual header, one {@code v1,<base64>} entry: each candidate's MAC is encoded and compared
   * with it in constant time, as the reference libraries do, so a delivery that verifies is never
   * decoded. Only one that matches no candidate is parsed, to tell a malformed header (400) from a
   * wrong signature (401): the same answers as decoding first.
   */
  private static VerificationResult checkSingleHmac(
      String signatures, List<String> candidates, SignedContent content, String id) {
    int match = firstSingleHmacMatch(candidates, content, signatures);
    if (match >= 0) {
      return verified(id, match);
    }
    // a single entry that is not canonical base64 is malformed: the answer parsing would give
    return Codecs.isCanonicalBase64(
            signatures, SignatureEntries.SINGLE_HMAC_OFFSET, signatures.length())
        ? failure(match)
        : reject(RejectionReason.MALFORMED_HEADER);
  }

  /**
   * Index of the first HMAC candidate whose MAC the single entry holds, or a negative {@link
   * HmacMatcher} code. Compares in place, with no lambda capturing the header per request.
   */
  private static int firstSingleHmacMatch(
      List<String> candidates, SignedContent content, String signatures) {
    if (candidates == null) {
      return HmacMatcher.NO_USABLE_SECRET;
    }
    boolean anyUsable = false;
    for (int i = 0, n = candidates.size(); i < n; i++) {
      String candidate = candidates.get(i);
      var mac = candidate == null ? null : MACS.macFor(candidate);
      anyUsable |= mac != null;
      if (mac != null
          && Codecs.isBase64At(
              content.macWith(mac), signatures, SignatureEntries.SINGLE_HMAC_OFFSET)) {
        return i;
      }
    }
    return anyUsable ? HmacMatcher.NO_MATCH : HmacMatcher.NO_USABLE_SECRET;
  }

  private static VerificationResult verified(String id, int match) {
    return new VerificationResult.Verified(id, "id:" + id, match);
  }

  /** Index of the first public key that verifies one of the {@code v1a} signatures, or a code. */
  private static int firstEd25519Match(
      List<String> candidates, SignedContent content, ExpectedSignatures ed25519) {
    if (candidates == null) {
      return HmacMatcher.NO_USABLE_SECRET;
    }
    boolean anyUsable = false;
    for (int i = 0, n = candidates.size(); i < n; i++) {
      String candidate = candidates.get(i);
      PublicKey key = candidate == null ? null : Ed25519Keys.publicKey(candidate);
      anyUsable |= key != null;
      if (key != null && Ed25519Keys.verifiesAny(key, content, ed25519)) {
        return i;
      }
    }
    return anyUsable ? HmacMatcher.NO_MATCH : HmacMatcher.NO_USABLE_SECRET;
  }

  @Override
  public Map<String, String> sign(String secret, byte[] body, Instant at, String deliveryId) {
    if (keyType != KeyType.HMAC) {
      throw new InvalidSigningInputException(
          NAME, "secret", "is a public key: only the provider's private key signs v1a");
    }
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

  /**
   * The key of a {@code whsec_} secret (the prefix is optional, as in the reference libraries). A
   * value marked as an asymmetric key ({@code whpk_}, {@code whsk_}) does not match the declared
   * type and is never used: fail closed.
   */
  private static byte[] hmacKey(String secret) {
    if (secret.startsWith(Ed25519Keys.PUBLIC_KEY_PREFIX)
        || secret.startsWith(Ed25519Keys.SECRET_KEY_PREFIX)) {
      return null;
    }
    int from = secret.startsWith(SECRET_PREFIX) ? SECRET_PREFIX.length() : 0;
    return Codecs.base64DecodeKey(secret, from);
  }
}
