package dev.keyturn.webhook.scheme;

import java.util.Locale;

/** How a provider writes a MAC into a header. */
public enum SignatureEncoding {
  HEX,
  BASE64;

  /** The option value naming this encoding: {@code hex} or {@code base64}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Decodes {@code text[from, to)}, or returns null when it is not valid in this encoding. */
  byte[] decode(String text, int from, int to) {
    return this == HEX ? Codecs.hexDecode(text, from, to) : Codecs.base64Decode(text, from, to);
  }

  String encode(byte[] bytes) {
    return this == HEX ? Codecs.hex(bytes) : Codecs.base64(bytes);
  }
}
