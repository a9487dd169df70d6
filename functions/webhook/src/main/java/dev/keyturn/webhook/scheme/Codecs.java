package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Decoders for signature values and keys that never throw: invalid input yields null, which the
 * schemes turn into a rejection. They read a region of a header in place, so parsing makes no
 * substrings.
 */
final class Codecs {

  /** Value of each byte (as {@code b & 0xFF}), -1 when not a symbol: one lookup, no range check. */
  private static final int[] HEX_VALUES = new int[256];

  private static final int[] BASE64_VALUES = new int[256];

  static {
    Arrays.fill(HEX_VALUES, -1);
    for (int i = 0; i < 10; i++) {
      HEX_VALUES['0' + i] = i;
    }
    for (int i = 0; i < 6; i++) {
      HEX_VALUES['a' + i] = 10 + i;
      HEX_VALUES['A' + i] = 10 + i;
    }
    Arrays.fill(BASE64_VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE64_VALUES[alphabet.charAt(i)] = i;
    }
  }

  private Codecs() {}

  /** Hex (either case) to bytes; null for odd length or a non-hex character. */
  static byte[] hexDecode(String text, int from, int to) {
    int length = to - from;
    if (length <= 0 || (length & 1) != 0) {
      return null;
    }
    byte[] bytes = latin1(text);
    if (bytes == null) {
      return null;
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int high = HEX_VALUES[bytes[from + 2 * i] & 0xff];
      int low = HEX_VALUES[bytes[from + 2 * i + 1] & 0xff];
      if ((high | low) < 0) {
        return null;
      }
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  /**
   * Canonical standard-alphabet base64 (RFC 4648 section 4) to bytes: padded to a multiple of four,
   * unused trailing bits zero. Anything else is null, so each byte sequence has exactly one
   * accepted spelling, as when the reference libraries compare encoded strings.
   */
  static byte[] base64Decode(String text, int from, int to) {
    byte[] bytes = to - from <= 0 ? null : latin1(text);
    return bytes == null ? null : base64Decode(bytes, from, to);
  }

  /** {@link #base64Decode(String, int, int)} over bytes, e.g. a header's {@link #latin1} form. */
  static byte[] base64Decode(byte[] text, int from, int to) {
    int length = to - from;
    if (length <= 0 || (length & 3) != 0) {
      return null;
    }
    int padding = text[to - 1] != '=' ? 0 : text[to - 2] != '=' ? 1 : 2;
    byte[] out = new byte[length / 4 * 3 - padding];
    int o = 0;
    int end = to - 4;
    for (int i = from; i < end; i += 4) {
      int a = symbol(text[i]);
      int b = symbol(text[i + 1]);
      int c = symbol(text[i + 2]);
      int d = symbol(text[i + 3]);
      if ((a | b | c | d) < 0) {
        return null;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    int bits = sextets(text, end, 4 - padding);
    int unusedBits = 2 * padding;
    if (bits < 0 || (bits & ((1 << unusedBits) - 1)) != 0) {
      return null;
    }
    bits <<= 6 * padding;
    out[o++] = (byte) (bits >> 16);
    if (padding < 2) {
      out[o++] = (byte) (bits >> 8);
    }
    if (padding < 1) {
      out[o] = (byte) bits;
    }
    return out;
  }

  /**
   * Base64 as {@link Base64#getDecoder()} reads it (padding optional), for keys, where any spelling
   * the reference libraries accept should work; null when invalid. Slower: only for cache misses,
   * never per request.
   */
  static byte[] base64DecodeKey(String text, int from) {
    try {
      return Base64.getDecoder().decode(text.substring(from));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code count} base64 symbols as one number, or -1 if any is not in the alphabet. */
  private static int sextets(byte[] text, int from, int count) {
    int bits = 0;
    for (int k = 0; k < count; k++) {
      int value = symbol(text[from + k]);
      if (value < 0) {
        return -1;
      }
      bits = bits << 6 | value;
    }
    return bits;
  }

  /**
   * A header value as one byte per character, decoded from in place of {@code charAt}; null when it
   * holds a supplementary character (a surrogate pair encodes to one byte, which would shift every
   * offset after it). Other characters above U+00FF become '?', and bytes above 0x7F are negative:
   * no decoder here accepts either, so nothing outside ASCII can alias a valid symbol.
   */
  static byte[] latin1(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return bytes.length == text.length() ? bytes : null;
  }

  private static int symbol(byte b) {
    return BASE64_VALUES[b & 0xff];
  }
}
