package dev.keyturn.rotate.generator.hmac;

import java.util.Base64;
import java.util.HexFormat;

/** How an HMAC key's bytes are written into the secret. */
public enum HmacKeyFormat {
  /** Standard Webhooks / Svix form: {@code whsec_} followed by standard, padded base64. */
  WHSEC {
    @Override
    String encode(byte[] key) {
      return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    byte[] decode(String value) {
      if (!value.startsWith(PREFIX)) {
        throw new IllegalArgumentException("does not start with " + PREFIX);
      }
      return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }
  },
  /** Lowercase hexadecimal, two characters per byte. */
  HEX {
    @Override
    String encode(byte[] key) {
      return HexFormat.of().formatHex(key);
    }

    @Override
    byte[] decode(String value) {
      if (!value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("is not lowercase hex");
      }
      return HexFormat.of().parseHex(value);
    }
  };

  public static final String PREFIX = "whsec_";

  abstract String encode(byte[] key);

  /**
   * The key bytes, or IllegalArgumentException whose message describes the problem without quoting
   * the value.
   */
  abstract byte[] decode(String value);

  public String optionValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
