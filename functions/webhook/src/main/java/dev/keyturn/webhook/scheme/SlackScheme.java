package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Slack</a>: {@code
 * X-Slack-Signature: v0=<hex>}, HMAC-SHA256 over {@code v0:<timestamp>:<body>} with the timestamp
 * from {@code X-Slack-Request-Timestamp}; the key is the signing secret's UTF-8 bytes.
 */
public final class SlackScheme extends AbstractScheme {

  public static final String NAME = "slack";
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

  private static final String SIGNATURE_LOOKUP = lookupName(SIGNATURE_HEADER);
  private static final String TIMESTAMP_LOOKUP = lookupName(TIMESTAMP_HEADER);
  private static final MacCache MACS = MacCache.utf8Keyed(HmacAlgorithm.SHA256);
  private static final String VERSION_PREFIX = "v0=";

  private final long toleranceSeconds;

  public SlackScheme() {
    this(Timestamps.DEFAULT_TOLERANCE_SECONDS);
  }

  public SlackScheme(long toleranceSeconds) {
    this.toleranceSeconds = toleranceSeconds;
  }

  static SlackScheme from(SchemeOptions options) {
    return new SlackScheme(options.toleranceSeconds());
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
    String signature = headers.get(SIGNATURE_LOOKUP);
    if (signature == null || signature.isEmpty()) {
      return reject(RejectionReason.MISSING_SIGNATURE);
    }
    String timestamp = headers.get(TIMESTAMP_LOOKUP);
    if (timestamp == null || timestamp.isEmpty()) {
      return reject(RejectionReason.MISSING_HEADER);
    }
    byte[] expected =
        signature.startsWith(VERSION_PREFIX)
            ? Codecs.hexDecode(signature, VERSION_PREFIX.length(), signature.length())
            : null;
    long seconds = Timestamps.parseSeconds(timestamp);
    if (expected == null
        || expected.length != HmacAlgorithm.SHA256.macLength()
        || seconds == Timestamps.MALFORMED) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    if (!Timestamps.withinTolerance(seconds, now, toleranceSeconds)) {
      return reject(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
    ExpectedSignatures signatures = new ExpectedSignatures();
    signatures.add(expected);
    SignedContent content = new SignedContent(signedPrefix(timestamp), request.body());
    int match = HmacMatcher.firstMatch(MACS, candidates, content, signatures);
    return outcome(match, null, content);
  }

  @Override
  public Map<String, String> sign(String secret, byte[] body, Instant at, String deliveryId) {
    if (at.getEpochSecond() < 0) {
      throw new InvalidSigningInputException(NAME, "at", "must not be before 1970");
    }
    var mac = secret == null ? null : MACS.macFor(secret);
    if (mac == null) {
      throw new InvalidSigningInputException(NAME, "secret", "must not be empty");
    }
    String timestamp = Long.toString(at.getEpochSecond());
    byte[] signature = new SignedContent(signedPrefix(timestamp), body).macWith(mac);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TIMESTAMP_HEADER, timestamp);
    headers.put(SIGNATURE_HEADER, VERSION_PREFIX + Codecs.hex(signature));
    return headers;
  }

  private static byte[] signedPrefix(String timestamp) {
    return ("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII);
  }
}
