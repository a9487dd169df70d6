package dev.keyturn.webhook.scheme;

/**
 * <a href="https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests">Heroku app
 * webhooks</a>: {@code Heroku-Webhook-Hmac-SHA256} is the base64 HMAC-SHA256 of the body. {@code
 * Heroku-Webhook-Id} names the delivery but is not signed. Keys are the secret string's UTF-8
 * bytes.
 */
public final class HerokuScheme extends BodyHmacScheme {

  public static final String NAME = "heroku";
  public static final String SIGNATURE_HEADER = "Heroku-Webhook-Hmac-SHA256";
  public static final String DELIVERY_ID_HEADER = "Heroku-Webhook-Id";

  public HerokuScheme() {
    super(SIGNATURE_HEADER, "", SignatureEncoding.BASE64, HmacAlgorithm.SHA256, DELIVERY_ID_HEADER);
  }

  @Override
  public String name() {
    return NAME;
  }
}
