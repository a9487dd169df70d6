package dev.keyturn.webhook.scheme;

import java.util.Arrays;

/**
 * A delivery as received: the raw body bytes (after undoing any transport base64 encoding, never
 * re-serialised) and its headers.
 *
 * <p>The body array is not copied, for speed; callers must not change it while verifying.
 */
public record WebhookRequest(byte[] body, Headers headers) {

  private static final byte[] NO_BODY = new byte[0];

  public WebhookRequest {
    body = body == null ? NO_BODY : body;
    headers = headers == null ? Headers.empty() : headers;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookRequest that
        && Arrays.equals(body, that.body)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(body) + headers.hashCode();
  }

  /** Body length and header names only; bodies and signatures stay out of logs. */
  @Override
  public String toString() {
    return "WebhookRequest[body=" + body.length + " bytes, headers=" + headers + "]";
  }
}
