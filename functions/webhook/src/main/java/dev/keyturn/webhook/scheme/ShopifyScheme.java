package dev.keyturn.webhook.scheme;

/**
 * <a
 * href="https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook">Shopify</a>:
 * {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the body. {@code X-Shopify-Webhook-Id}
 * names the delivery but is not signed. Keys are the secret string's UTF-8 bytes.
 */
public final class ShopifyScheme extends BodyHmacScheme {

  public static final String NAME = "shopify";
  public static final String SIGNATURE_HEADER = "X-Shopify-Hmac-Sha256";
  public static final String DELIVERY_ID_HEADER = "X-Shopify-Webhook-Id";

  public ShopifyScheme() {
    super(SIGNATURE_HEADER, "", SignatureEncoding.BASE64, HmacAlgorithm.SHA256, DELIVERY_ID_HEADER);
  }

  @Override
  public String name() {
    return NAME;
  }
}
