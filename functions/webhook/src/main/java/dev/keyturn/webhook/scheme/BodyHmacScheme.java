package dev.keyturn.webhook.scheme;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schemes that sign the body alone, with one MAC in one header (optionally after a fixed prefix).
 * Their delivery id headers are not signed, so the replay key is the digest of the body.
 */
abstract sealed class BodyHmacScheme extends AbstractScheme
    permits GitHubScheme, HerokuScheme, FreeScoutScheme, ShopifyScheme, GenericHmacScheme {

  private final String signatureHeader;
  private final String prefix;
  private final SignatureEncoding encoding;
  private final HmacAlgorithm algorithm;
  private final String deliveryIdHeader;
  private final MacCache macs;
  private final String signatureLookup;
  private final String deliveryIdLookup;

  /**
   * @param prefix text before the encoded MAC, e.g. {@code sha256=}; "" for none
   * @param deliveryIdHeader the provider's (unsigned) delivery id header, or null
   */
  BodyHmacScheme(
      String signatureHeader,
      String prefix,
      SignatureEncoding encoding,
      HmacAlgorithm algorithm,
      String deliveryIdHeader) {
    this.signatureHeader = signatureHeader;
    this.prefix = prefix;
    this.encoding = encoding;
    this.algorithm = algorithm;
    this.deliveryIdHeader = deliveryIdHeader;
    this.macs = MacCache.utf8Keyed(algorithm);
    this.signatureLookup = lookupName(signatureHeader);
    this.deliveryIdLookup = lookupName(deliveryIdHeader);
  }

  @Override
  public final String signatureHeader() {
    return signatureHeader;
  }

  @Override
  final VerificationResult check(WebhookRequest request, List<String> candidates, Instant now) {
    Headers headers = request.headers();
    String signature = headers.get(signatureLookup);
    if (signature == null || signature.isEmpty()) {
      return reject(RejectionReason.MISSING_SIGNATURE);
    }
    byte[] expected =
        signature.startsWith(prefix)
            ? encoding.decode(signature, prefix.length(), signature.length())
            : null;
    if (expected == null || expected.length != algorithm.macLength()) {
      return reject(RejectionReason.MALFORMED_HEADER);
    }
    ExpectedSignatures signatures = new ExpectedSignatures();
    signatures.add(expected);
    SignedContent content = SignedContent.bodyOnly(request.body());
    int match = HmacMatcher.firstMatch(macs, candidates, content, signatures);
    String deliveryId =
        deliveryIdLookup == null ? null : DeliveryIds.unsignedLabel(headers.get(deliveryIdLookup));
    return outcome(match, deliveryId, content);
  }

  @Override
  public final Map<String, String> sign(String secret, byte[] body, Instant at, String deliveryId) {
    var mac = secret == null ? null : macs.macFor(secret);
    if (mac == null) {
      throw new InvalidSigningInputException(name(), "secret", "must not be empty");
    }
    byte[] signature = SignedContent.bodyOnly(body).macWith(mac);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(signatureHeader, prefix + encoding.encode(signature));
    if (deliveryIdHeader != null && deliveryId != null) {
      headers.put(deliveryIdHeader, deliveryId);
    }
    return headers;
  }
}
