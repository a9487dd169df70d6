package dev.keyturn.webhook.scheme;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Decoders for signature values and keys that never throw: invalid input yields null, which the
 * schemes turn into a rejection. They read a region of a header in place, so parsing makes no
 * substrings.
 */
final class Codecs {

  /** Value of each Latin-1 character, -1 when not a symbol. */
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
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int high = hexDigit(text.charAt(from + 2 * i));
      int low = hexDigit(text.charAt(from + 2 * i + 1));
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
    int length = to - from;
    if (length <= 0 || (length & 3) != 0) {
      return null;
    }
    int padding = text.charAt(to - 1) != '=' ? 0 : text.charAt(to - 2) != '=' ? 1 : 2;
    byte[] out = new byte[length / 4 * 3 - padding];
    int o = 0;
    int last = to - 4;
    for (int i = from; i < last; i += 4) {
      int a = symbol(text.charAt(i));
      int b = symbol(text.charAt(i + 1));
      int c = symbol(text.charAt(i + 2));
      int d = symbol(text.charAt(i + 3));
      if ((a | b | c | d) < 0) {
        return null;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    int bits = 0;
    for (int k = 0; k < 4 - padding; k++) {
      int value = symbol(text.charAt(last + k));
      if (value < 0) {
        return null;
      }
      bits = bits << 6 | value;
    }
    int unusedBits = 2 * padding;
    if ((bits & ((1 << unusedBits) - 1)) != 0) {
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
   * Whether {@link #base64Decode} would decode this region, without decoding it: canonical padded
   * standard-alphabet base64, unused trailing bits zero.
   */
  static boolean isCanonicalBase64(String text, int from, int to) {
    int length = to - from;
    if (length <= 0 || (length & 3) != 0) {
      return false;
    }
    int padding = text.charAt(to - 1) != '=' ? 0 : text.charAt(to - 2) != '=' ? 1 : 2;
    int symbols = 0;
    for (int i = from, end = to - padding; i < end; i++) {
      symbols |= symbol(text.charAt(i));
    }
    if (symbols < 0) {
      return false;
    }
    // the last symbol before the padding carries 2 (one '=') or 4 (two) unused low bits
    int unusedBits = 2 * padding;
    return padding == 0 || (symbol(text.charAt(to - padding - 1)) & ((1 << unusedBits) - 1)) == 0;
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

  /**
   * Whether {@code text} from {@code offset} to its end is the canonical padded base64 of {@code
   * value}; the comparison takes the same time wherever they differ. The encoding of {@code value}
   * uses the JDK's table-driven encoder, as the reference libraries do for the MAC they compare.
   */
  static boolean isBase64At(byte[] value, byte[] text, int offset) {
    byte[] encoded = Base64.getEncoder().encode(value);
    if (text.length - offset != encoded.length) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < encoded.length; i++) {
      difference |= encoded[i] ^ text[offset + i];
    }
    return difference == 0;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * A character's base64 value, negative when not in the alphabet. Branch-free: a character above
   * U+00FF sets the sign bit through {@code -(c >>> 8)} instead of aliasing its low byte.
   */
  private static int symbol(char c) {
    return BASE64_VALUES[c & 0xff] | -(c >>> 8);
  }

  private static int hexDigit(char c) {
    return HEX_VALUES[c & 0xff] | -(c >>> 8);
  }
}
