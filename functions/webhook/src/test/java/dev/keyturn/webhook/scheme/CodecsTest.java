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
  void base64_rejectsUnpaddedAndNonCanonicalSpellings() {
    assertThat(Codecs.base64Decode("QQ==", 0, 4)).containsExactly('A');
    assertThat(Codecs.base64Decode("QQ", 0, 2)).isNull();
    assertThat(Codecs.base64Decode("QR==", 0, 4)).isNull();
  }
}
