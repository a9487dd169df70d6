package dev.keyturn.webhook.scheme;

/**
 * FreeScout (its API and Webhooks module): {@code X-FreeScout-Signature} is the base64 HMAC-SHA1 of
 * the body. No delivery id header; the key is the secret string's UTF-8 bytes.
 */
public final class FreeScoutScheme extends BodyHmacScheme {

  public static final String NAME = "freescout";
  public static final String SIGNATURE_HEADER = "X-FreeScout-Signature";

  public FreeScoutScheme() {
    super(SIGNATURE_HEADER, "", SignatureEncoding.BASE64, HmacAlgorithm.SHA1, null);
  }

  @Override
  public String name() {
    return NAME;
  }
}
