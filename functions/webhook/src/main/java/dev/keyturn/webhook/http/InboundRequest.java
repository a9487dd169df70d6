package dev.keyturn.webhook.http;

import java.util.Map;

/**
 * An HTTP request as the Function URL delivered it, nothing checked yet. Any field may be null.
 *
 * @param method the HTTP method
 * @param path the raw path, e.g. {@code /webhooks/stripe}
 * @param headers header names to values (a Function URL lower-cases names and joins repeats)
 * @param body the body text, base64 when {@code base64Encoded}
 * @param base64Encoded whether the transport base64-encoded the body
 */
public record InboundRequest(
    String method, String path, Map<String, String> headers, String body, boolean base64Encoded) {

  /** Method and path only: headers can carry signatures and bodies anything. */
  @Override
  public String toString() {
    return "InboundRequest[" + method + " " + path + "]";
  }
}
