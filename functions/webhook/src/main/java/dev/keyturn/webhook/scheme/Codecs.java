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

  private static final char[] BASE64_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /**
   * Whether {@code text} from {@code offset} to its end is the canonical padded base64 of {@code
   * value}, read in place: each group of three bytes is encoded and compared as it is produced, so
   * the check allocates nothing. It takes the same time wherever they differ (only the lengths,
   * which are public, end it early). {@code CodecsPropertyTest} checks it against the JDK encoder.
   */
  static boolean isBase64At(byte[] value, String text, int offset) {
    int encodedLength = (value.length + 2) / 3 * 4;
    if (text.length() - offset != encodedLength) {
      return false;
    }
    int difference = 0;
    int at = offset;
    int full = value.length / 3 * 3;
    for (int i = 0; i < full; i += 3, at += 4) {
      int bits = (value[i] & 0xff) << 16 | (value[i + 1] & 0xff) << 8 | (value[i + 2] & 0xff);
      difference |= text.charAt(at) ^ BASE64_ALPHABET[bits >>> 18];
      difference |= text.charAt(at + 1) ^ BASE64_ALPHABET[(bits >>> 12) & 0x3f];
      difference |= text.charAt(at + 2) ^ BASE64_ALPHABET[(bits >>> 6) & 0x3f];
      difference |= text.charAt(at + 3) ^ BASE64_ALPHABET[bits & 0x3f];
    }
    int rest = value.length - full;
    if (rest > 0) {
      int bits = (value[full] & 0xff) << 16 | (rest == 2 ? (value[full + 1] & 0xff) << 8 : 0);
      difference |= text.charAt(at) ^ BASE64_ALPHABET[bits >>> 18];
      difference |= text.charAt(at + 1) ^ BASE64_ALPHABET[(bits >>> 12) & 0x3f];
      difference |= text.charAt(at + 2) ^ (rest == 2 ? BASE64_ALPHABET[(bits >>> 6) & 0x3f] : '=');
      difference |= text.charAt(at + 3) ^ '=';
    }
    return difference == 0;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static final byte[] LOWER_HEX_DIGITS =
      "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * The ASCII {@code prefix} followed by the lower-case hex of {@code bytes}: what {@code prefix +
   * hex(bytes)} gives, written into one array instead of through an intermediate string.
   */
  static String hex(byte[] prefix, byte[] bytes) {
    byte[] out = Arrays.copyOf(prefix, prefix.length + 2 * bytes.length);
    int at = prefix.length;
    for (byte b : bytes) {
      out[at++] = LOWER_HEX_DIGITS[(b >> 4) & 0xf];
      out[at++] = LOWER_HEX_DIGITS[b & 0xf];
    }
    return new String(out, StandardCharsets.US_ASCII);
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
