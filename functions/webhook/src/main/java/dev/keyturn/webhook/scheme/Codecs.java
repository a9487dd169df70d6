package dev.keyturn.webhook.scheme;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Decoders for signature values that never throw: invalid input yields null, which the schemes turn
 * into a rejection. They read a region of a header in place, so parsing makes no substrings.
 */
final class Codecs {

  private static final byte[] HEX_VALUES = new byte[128];
  private static final byte[] BASE64_VALUES = new byte[128];

  static {
    Arrays.fill(HEX_VALUES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      HEX_VALUES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX_VALUES['a' + i] = (byte) (10 + i);
      HEX_VALUES['A' + i] = (byte) (10 + i);
    }
    Arrays.fill(BASE64_VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE64_VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Codecs() {}

  /** Hex (either case) to bytes; null for odd length or a non-hex character. */
  static byte[] hexDecode(String text, int from, int to) {
    int length = to - from;
    if (length <= 0 || (length & 1) != 0) {
      return null;
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int high = valueOf(HEX_VALUES, text.charAt(from + 2 * i));
      int low = valueOf(HEX_VALUES, text.charAt(from + 2 * i + 1));
      if ((high | low) < 0) {
        return null;
      }
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  /**
   * Standard-alphabet base64 to bytes, accepting exactly what {@link Base64#getDecoder()} accepts
   * (padding optional, but complete when present); null otherwise.
   */
  static byte[] base64Decode(String text, int from, int to) {
    int end = to;
    int padding = 0;
    while (end > from && padding < 2 && text.charAt(end - 1) == '=') {
      end--;
      padding++;
    }
    int symbols = end - from;
    int tail = symbols & 3;
    if (symbols == 0 || tail == 1 || (padding > 0 && tail + padding != 4)) {
      return null;
    }
    byte[] out = new byte[symbols / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int o = 0;
    int i = from;
    for (; i + 4 <= end; i += 4) {
      int bits = sextets(text, i, 4);
      if (bits < 0) {
        return null;
      }
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    if (tail > 0) {
      int bits = sextets(text, i, tail);
      if (bits < 0) {
        return null;
      }
      bits <<= 6 * (4 - tail);
      out[o++] = (byte) (bits >> 16);
      if (tail == 3) {
        out[o] = (byte) (bits >> 8);
      }
    }
    return out;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code count} base64 symbols as one number, or -1 if any is not in the alphabet. */
  private static int sextets(String text, int from, int count) {
    int bits = 0;
    for (int k = 0; k < count; k++) {
      int value = valueOf(BASE64_VALUES, text.charAt(from + k));
      if (value < 0) {
        return -1;
      }
      bits = bits << 6 | value;
    }
    return bits;
  }

  private static int valueOf(byte[] table, char c) {
    return c < 128 ? table[c] : -1;
  }
}
