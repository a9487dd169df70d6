package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Our allocation-light decoders agree with the JDK's, and accept exactly one spelling. */
class CodecsPropertyTest {

  private static final int TRIES = 20_000;

  @Test
  void base64_decodesWhatTheJdkEncodes() {
    PropertyCheck.forAll(
        "base64 round trip",
        TRIES,
        random -> {
          byte[] bytes = Gen.bytes(random, 100);
          String encoded = "<<" + Base64.getEncoder().encodeToString(bytes) + ">>";

          byte[] decoded = Codecs.base64Decode(encoded, 2, encoded.length() - 2);

          if (bytes.length == 0) {
            assertThat(decoded).isNull();
          } else {
            assertThat(decoded).isEqualTo(bytes);
          }
        });
  }

  @Test
  void isBase64At_isTrueExactlyForTheJdksEncoding_andFalseForAnyOneCharacterChanged() {
    PropertyCheck.forAll(
        "in-place base64 comparison",
        TRIES,
        random -> {
          byte[] bytes = Gen.bytes(random, 70);
          String encoded = Base64.getEncoder().encodeToString(bytes);
          String header = "v1," + encoded;

          assertThat(Codecs.isBase64At(bytes, header, 3)).isTrue();
          assertThat(Codecs.isBase64At(bytes, header + "=", 3)).as("longer").isFalse();
          if (!encoded.isEmpty()) {
            int at = 3 + random.nextInt(encoded.length());
            char changed = (char) (header.charAt(at) ^ (1 + random.nextInt(0x7f)));
            String tampered = header.substring(0, at) + changed + header.substring(at + 1);
            assertThat(Codecs.isBase64At(bytes, tampered, 3)).as("char %d changed", at).isFalse();
            assertThat(Codecs.isBase64At(bytes, header.substring(0, header.length() - 1), 3))
                .as("shorter")
                .isFalse();
          }
        });
  }

  @Test
  void base64_acceptsOnlyTheJdksCanonicalPaddedEncoding() {
    PropertyCheck.forAll(
        "base64 accepts only canonical text",
        TRIES * 5,
        random -> {
          String text =
              random.nextBoolean()
                  ? mutate(Base64.getEncoder().encodeToString(Gen.bytes(random, 40)), random)
                  : Gen.garbage(random, 12);

          byte[] ours = Codecs.base64Decode(text, 0, text.length());

          byte[] jdk = jdkBase64(text);
          boolean canonical =
              jdk != null && jdk.length > 0 && Base64.getEncoder().encodeToString(jdk).equals(text);
          assertThat(ours != null).isEqualTo(canonical);
          assertThat(Codecs.isCanonicalBase64(text, 0, text.length())).isEqualTo(canonical);
          if (ours != null) {
            assertThat(ours).isEqualTo(jdk);
          }
        });
  }

  @Test
  void hex_decodesBothCases_andRejectsEverythingElse() {
    PropertyCheck.forAll(
        "hex decoding",
        TRIES * 5,
        random -> {
          String text =
              random.nextBoolean()
                  ? mutate(HexFormat.of().formatHex(Gen.bytes(random, 40)), random)
                  : Gen.garbage(random, 12);
          if (random.nextBoolean()) {
            text = text.toUpperCase(Locale.ROOT);
          }

          byte[] ours = Codecs.hexDecode(text, 0, text.length());

          byte[] jdk = jdkHex(text);
          assertThat(ours).isEqualTo(jdk == null || jdk.length == 0 ? null : jdk);
        });
  }

  @Test
  void timestamps_parseExactlyThePlainDecimalNumbers() {
    PropertyCheck.forAll(
        "timestamp parsing",
        TRIES * 5,
        random -> {
          String text = Gen.numberish(random);

          long parsed = Timestamps.parseSeconds(text);
          // the same text as a region of a header, with neighbours that are digits too
          String header = "t=9" + text + "9,v1=";
          long inPlace = Timestamps.parseSeconds(header, 3, 3 + text.length());

          assertThat(inPlace).isEqualTo(parsed);
          boolean digitsOnly = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
          if (!digitsOnly) {
            assertThat(parsed).isEqualTo(Timestamps.MALFORMED);
          } else if (new java.math.BigInteger(text).bitLength() > 63) {
            assertThat(parsed).isEqualTo(Timestamps.TOO_LARGE);
          } else {
            assertThat(parsed).isEqualTo(Long.parseLong(text));
          }
        });
  }

  @Test
  void hexWithPrefix_isThePrefixFollowedByTheJdksLowerCaseHex() {
    PropertyCheck.forAll(
        "prefixed hex",
        TRIES,
        random -> {
          byte[] bytes = Gen.bytes(random, 64);

          String ours = Codecs.hex("sha256:".getBytes(StandardCharsets.US_ASCII), bytes);

          assertThat(ours).isEqualTo("sha256:" + HexFormat.of().formatHex(bytes));
        });
  }

  private static String mutate(String text, java.util.SplittableRandom random) {
    if (text.isEmpty() || random.nextInt(3) == 0) {
      return text;
    }
    StringBuilder mutated = new StringBuilder(text);
    int at = random.nextInt(text.length());
    switch (random.nextInt(3)) {
      case 0 -> mutated.deleteCharAt(at);
      case 1 -> mutated.insert(at, "=+/Aa0 \u00e9".charAt(random.nextInt(8)));
      default -> mutated.setCharAt(at, (char) (0x20 + random.nextInt(95)));
    }
    return mutated.toString();
  }

  private static byte[] jdkBase64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] jdkHex(String text) {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
