package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Generators for property tests, biased towards the characters parsers care about. */
final class Gen {

  /** Characters that are separators or edge cases for some scheme's header syntax. */
  private static final String TRICKY = " ,.=:;tv01aA+/-_\t\r\n\u0000\u00e9\u2028\uffff";

  /** Garbage timestamps and clocks cluster here, so some garbage passes the tolerance check. */
  static final long NEAR_NOW = 1_700_000_000L;

  private Gen() {}

  static byte[] bytes(SplittableRandom random, int maxLength) {
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  static <T> T oneOf(SplittableRandom random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Printable ASCII, 1 to maxLength characters. */
  static String printable(SplittableRandom random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(maxLength);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
    }
    return text.toString();
  }

  /** Anything: empty, long, control characters, separators, non-ASCII, lone surrogates. */
  static String garbage(SplittableRandom random, int maxLength) {
    int length = random.nextInt(10) == 0 ? 0 : random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(4)) {
            case 0 -> TRICKY.charAt(random.nextInt(TRICKY.length()));
            case 1 -> (char) random.nextInt(0x10000);
            default -> (char) (0x20 + random.nextInt(0x5f));
          });
    }
    return text.toString();
  }

  /** Digit strings, sometimes huge, sometimes with a sign or a space. */
  static String numberish(SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> Long.toString(random.nextLong());
      case 1 -> "9".repeat(1 + random.nextInt(40));
      case 2 -> "-" + random.nextInt(1_000_000);
      case 3 -> " " + random.nextInt(2_000_000_000) + " ";
      case 5 -> "0".repeat(random.nextInt(25)) + Math.abs(random.nextLong());
      case 4 -> Long.toString(NEAR_NOW + random.nextInt(-400, 400));
      default -> garbage(random, 12);
    };
  }

  /** Strings shaped like signature values: hex, base64, with prefixes, truncated or padded. */
  static String signatureish(SplittableRandom random) {
    // mostly real MAC lengths (SHA-1, SHA-256, ed25519/SHA-512), so values pass length checks
    byte[] mac = new byte[oneOf(random, List.of(20, 32, 32, 64, random.nextInt(71)))];
    random.nextBytes(mac);
    String encoded =
        random.nextBoolean()
            ? HexFormat.of().formatHex(mac)
            : Base64.getEncoder().encodeToString(mac);
    if (random.nextInt(4) == 0 && !encoded.isEmpty()) {
      encoded = encoded.substring(0, random.nextInt(encoded.length()));
    }
    String prefix = oneOf(random, List.of("", "sha256=", "v0=", "v1,", "v1a,", "v1=", "t=", "="));
    return prefix + encoded + (random.nextInt(5) == 0 ? garbage(random, 8) : "");
  }

  /** Candidate lists: empty, nulls, garbage, plausible secrets of every shape. */
  static List<String> candidates(SplittableRandom random) {
    List<String> candidates = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      candidates.add(
          switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> "whsec_" + Base64.getEncoder().encodeToString(bytes(random, 40));
            case 2 -> "whpk_" + Base64.getEncoder().encodeToString(bytes(random, 40));
            case 3 -> "whsec_" + garbage(random, 30);
            case 4 -> "";
            default -> garbage(random, 40);
          });
    }
    return candidates;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
