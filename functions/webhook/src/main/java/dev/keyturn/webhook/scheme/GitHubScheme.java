package dev.keyturn.webhook.scheme;

/**
 * <a
 * href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries">GitHub</a>:
 * {@code X-Hub-Signature-256: sha256=<hex>}, HMAC-SHA256 of the body keyed with the secret's UTF-8
 * bytes. {@code X-GitHub-Delivery} names the delivery but is not signed.
 */
public final class GitHubScheme extends BodyHmacScheme {

  public static final String NAME = "github";
  public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
  public static final String DELIVERY_ID_HEADER = "X-GitHub-Delivery";

  public GitHubScheme() {
    super(
        SIGNATURE_HEADER,
        "sha256=",
        SignatureEncoding.HEX,
        HmacAlgorithm.SHA256,
        DELIVERY_ID_HEADER);
  }

  @Override
  public String name() {
    return NAME;
  }
}
