package dev.keyturn.webhook.scheme;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * <a href="https://docs.stripe.com/webhooks#verify-manually">Stripe</a>: {@code Stripe-Signature:
 * t=<unix>,v1=<hex>[,v1=<hex>...][,v0=...]}, HMAC-SHA256 over {@code <t>.<body>}. The key is the
 * secret string's UTF-8 bytes, {@code whsec_} prefix included (it is not base64-decoded). During a
 * secret roll Stripe sends one {@code v1} per active secret; any match verifies.
 *
 * <p>The replay key of a verified delivery is {@code stripe-event:<id>} ({@link StripeEventIds})
 * when the body is an event with a well-formed top-level id, so a retry of a delivered event is
 * recognised; otherwise the {@code sha256:} digest of the signed content.
 */
public final class StripeScheme extends AbstractScheme {

  public static final String NAME = "stripe";
  public static final String SIGNATURE_HEADER = "Stripe-Signature";

  private static final String SIGNATURE_LOOKUP = lookupName(SIGNATURE_HEADER);
  private static final MacCache MACS = MacCache.utf8Keyed(HmacAlgorithm.SHA256);
  private static final int HEX_SHA256_LENGTH = 64;

  private final long toleranceSeconds;

  public StripeScheme() {
    this(Timestamps.DEFAULT_TOLERANCE_SECONDS);
  }

  public StripeScheme(long toleranceSeconds) {
    this.toleranceSeconds = toleranceSeconds;
  }

  static StripeScheme from(SchemeOptions options) {
    return new StripeScheme(options.toleranceSeconds());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String signatureHeader() {
    return SIGNATURE_HEADER;
  }

  /**
   * The parts of a {@code Stripe-Signature} header that matter: where its one {@code t} value is
   * (read in place, so parsing makes no substring) and the decoded {@code v1} signatures.
   */
  private static final class Parsed {
    private final ExpectedSignatures v1 = new ExpectedSignatures();
    private int timestampFrom = -1;
    private int timestampTo;
  }

  @Override
  VerificationResult check(WebhookRequest request, List<String> candidates, Instant now) {
    String header = request.headers().get(SIGNATURE_LOOKUP);
    if (header == null || header.isEmpty()) {
      return reject(RejectionReason.MISSING_SIGNATURE);
    }
    Parsed parsed = parse(header);
    if (parsed == null) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    long seconds = Timestamps.parseSeconds(header, parsed.timestampFrom, parsed.timestampTo);
    if (seconds == Timestamps.MALFORMED) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    if (!Timestamps.withinTolerance(seconds, now, toleranceSeconds)) {
      return reject(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
    byte[] prefix = signedPrefix(header, parsed.timestampFrom, parsed.timestampTo);
    SignedContent content = new SignedContent(prefix, request.body());
    int match = HmacMatcher.firstMatch(MACS, candidates, content, parsed.v1);
    if (match < 0) {
      return failure(match); // nothing of a forged body is parsed
    }
    String eventKey = StripeEventIds.replayKey(request.body());
    return new VerificationResult.Verified(
        null, eventKey != null ? eventKey : content.replayKey(), match);
  }

  /** Null unless there is exactly one {@code t} and at least one decodable {@code v1}. */
  private static Parsed parse(String header) {
    Parsed parsed = new Parsed();
    int items = 0;
    int start = 0;
    while (start <= header.length()) {
      int end = header.indexOf(',', start);
      if (end < 0) {
        end = header.length();
      }
      if (++items > ExpectedSignatures.MAX_ENTRIES) {
        return null;
      }
      int from = skipSpaces(header, start, end);
      int to = trimSpaces(header, from, end);
      if (header.startsWith("t=", from) && to - from >= 2) {
        if (parsed.timestampFrom >= 0) {
          return null; // two timestamps: which one was signed is ambiguous
        }
        parsed.timestampFrom = from + 2;
        parsed.timestampTo = to;
      } else if (header.startsWith("v1=", from) && to - from == 3 + HEX_SHA256_LENGTH) {
        byte[] value = Codecs.hexDecode(header, from + 3, to);
        if (value != null) {
          parsed.v1.add(value);
        }
      }
      start = end + 1;
    }
    return parsed.timestampFrom < 0 || parsed.v1.isEmpty() ? null : parsed;
  }

  private static int skipSpaces(String text, int from, int to) {
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    return from;
  }

  private static int trimSpaces(String text, int from, int to) {
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return to;
  }

  @Override
  public Map<String, String> sign(String secret, byte[] body, Instant at, String deliveryId) {
    return signWithEach(List.of(secret), body, at);
  }

  /** The header Stripe sends while it rolls a secret: one {@code v1} per secret. */
  public static Map<String, String> signWithEach(List<String> secrets, byte[] body, Instant at) {
    if (at.getEpochSecond() < 0) {
      throw new InvalidSigningInputException(NAME, "at", "must not be before 1970");
    }
    String timestamp = Long.toString(at.getEpochSecond());
    SignedContent content = new SignedContent(signedPrefix(timestamp), body);
    StringJoiner header = new StringJoiner(",").add("t=" + timestamp);
    for (String secret : secrets) {
      var mac = secret == null ? null : MACS.macFor(secret);
      if (mac == null) {
        throw new InvalidSigningInputException(NAME, "secret", "must not be empty");
      }
      header.add("v1=" + Codecs.hex(content.macWith(mac)));
    }
    return Map.of(SIGNATURE_HEADER, header.toString());
  }

  private static byte[] signedPrefix(String timestamp) {
    return signedPrefix(timestamp, 0, timestamp.length());
  }

  /**
   * {@code <t>.} as bytes, straight from the header's {@code t} value; its characters are already
   * checked to be ASCII digits.
   */
  private static byte[] signedPrefix(String text, int from, int to) {
    byte[] prefix = new byte[to - from + 1];
    for (int i = from; i < to; i++) {
      prefix[i - from] = (byte) text.charAt(i);
    }
    prefix[prefix.length - 1] = '.';
    return prefix;
  }
}
