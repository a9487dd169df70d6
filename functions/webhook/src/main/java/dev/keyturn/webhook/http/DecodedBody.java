package dev.keyturn.webhook.http;

import java.util.Base64;

/** The raw body bytes of a request, or why there are none. */
public sealed interface DecodedBody {

  /** The exact bytes the provider sent (and signed). */
  record Bytes(byte[] bytes) implements DecodedBody {
    @Override
    public String toString() {
      return "Bytes[" + bytes.length + "]";
    }
  }

  /** Larger than the limit. */
  record TooLarge() implements DecodedBody {}

  /** Flagged base64 but not valid base64. */
  record Malformed() implements DecodedBody {}

  /**
   * Undoes the transport encoding: base64 when the request says so, else the text's UTF-8 bytes.
   * The limit applies to the decoded bytes; an encoded body that cannot fit is refused before it is
   * decoded.
   */
  public static DecodedBody of(InboundRequest request, int maxBytes) {
    String body = request.body();
    if (body == null || body.isEmpty()) {
      return new Bytes(new byte[0]);
    }
    if (!request.base64Encoded()) {
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return bytes.length > maxBytes ? new TooLarge() : new Bytes(bytes);
    }
    // 4 characters carry at most 3 bytes: a longer text cannot decode within the limit
    if ((long) body.length() / 4 * 3 - 2 > maxBytes) {
      return new TooLarge();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(body);
      return bytes.length > maxBytes ? new TooLarge() : new Bytes(bytes);
    } catch (IllegalArgumentException notBase64) {
      return new Malformed();
    }
  }
}
