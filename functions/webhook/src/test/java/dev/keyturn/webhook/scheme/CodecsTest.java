package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecsTest {

  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars, no Latin-1 form

  @Test
  void decoders_readCharOffsets_soACharacterOutsideTheRegionCannotShiftIt() {
    // regression: a byte copy turned a surrogate pair into one byte and shifted later offsets
    String base64 = EMOJI + "QQ==";
    String hex = EMOJI + "abcd";

    assertThat(Codecs.base64Decode(base64, 2, base64.length())).containsExactly('A');
    assertThat(Codecs.hexDecode(hex, 2, hex.length())).containsExactly(0xab, 0xcd);
  }

  @Test
  void decoders_rejectASupplementaryCharacterInsideTheRegion() {
    assertThat(Codecs.base64Decode("Q" + EMOJI + "=", 0, 4)).isNull();
    assertThat(Codecs.hexDecode("a" + EMOJI + "b", 0, 4)).isNull();
  }

  @Test
  void decoders_rejectNonAsciiCharactersThatMapToAsciiLowBytes() {
    // U+0141 and U+0161 have low bytes 'A' and 'a': a byte-per-char copy must not alias them
    assertThat(Codecs.base64Decode("\u0141AAA", 0, 4)).isNull();
    assertThat(Codecs.hexDecode("\u0161b", 0, 2)).isNull();
    assertThat(Codecs.base64Decode("\u00c1AAA", 0, 4)).isNull();
  }

  @Test
  void parseSecondsInPlace_readsOnlyTheRegion() {
    assertThat(Timestamps.parseSeconds("t=1765097655,v1=ab", 2, 12)).isEqualTo(1765097655L);
    assertThat(Timestamps.parseSeconds("99123", 2, 5)).isEqualTo(123L);
    assertThat(Timestamps.parseSeconds("t=", 2, 2)).isEqualTo(Timestamps.MALFORMED);
    assertThat(Timestamps.parseSeconds("t=12 3", 2, 6)).isEqualTo(Timestamps.MALFORMED);
    assertThat(Timestamps.parseSeconds("t=-1", 2, 4)).isEqualTo(Timestamps.MALFORMED);
    assertThat(Timestamps.parseSeconds("t=1\u0661", 2, 4)).isEqualTo(Timestamps.MALFORMED);
    assertThat(Timestamps.parseSeconds(EMOJI + "42", 2, 4)).isEqualTo(42L);
  }

  @Test
  void parseSecondsInPlace_countsLeadingZerosFromTheRegionStart() {
    String nineteenDigits = "9223372036854775807";
    String tooLarge = "9223372036854775808";
    String padded = "0000" + nineteenDigits;

    assertThat(Timestamps.parseSeconds("1," + nineteenDigits, 2, 21)).isEqualTo(Long.MAX_VALUE);
    assertThat(Timestamps.parseSeconds("1," + tooLarge, 2, 21)).isEqualTo(Timestamps.TOO_LARGE);
    assertThat(Timestamps.parseSeconds("9" + padded + "9", 1, 24)).isEqualTo(Long.MAX_VALUE);
    assertThat(Timestamps.parseSeconds("1" + "0".repeat(25) + "7", 1, 27)).isEqualTo(7L);
    assertThat(Timestamps.parseSeconds("1" + "0".repeat(25), 1, 26)).isZero();
  }

  @Test
  void hexWithPrefix_writesLowerCaseDigitsAfterThePrefix() {
    assertThat(Codecs.hex("sha256:".getBytes(), new byte[] {0x00, (byte) 0xab, 0x7f, (byte) 0xff}))
        .isEqualTo("sha256:00ab7fff");
    assertThat(Codecs.hex("id:".getBytes(), new byte[0])).isEqualTo("id:");
  }

  @Test
  void base64_rejectsUnpaddedAndNonCanonicalSpellings() {
    assertThat(Codecs.base64Decode("QQ==", 0, 4)).containsExactly('A');
    assertThat(Codecs.base64Decode("QQ", 0, 2)).isNull();
    assertThat(Codecs.base64Decode("QR==", 0, 4)).isNull();
  }
}
