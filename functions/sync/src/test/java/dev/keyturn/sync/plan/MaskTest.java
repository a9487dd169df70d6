package dev.keyturn.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskTest {

  @Test
  void of_hidesShortValuesCompletely() {
    assertThat(Mask.of("hunter2")).isEqualTo("***");
    assertThat(Mask.of("")).isEqualTo("***");
  }

  @Test
  void of_showsAtMostFirstAndLastCharacterAndLength() {
    String value = "sk_live_0123456789abcdefXYZ";

    String masked = Mask.of(value);

    assertThat(masked).isEqualTo("s***Z (27 chars)");
    assertThat(masked.replace("***", "").replace(" (27 chars)", "")).isEqualTo("sZ");
  }

  @Test
  void of_countsCharactersNotBytes() {
    assertThat(Mask.of("é".repeat(20))).isEqualTo("é***é (20 chars)");
  }

  @Test
  void of_hidesWhitespaceEnds() {
    assertThat(Mask.of("-----BEGIN KEY-----\n")).isEqualTo("*** (20 chars)");
  }

  @Test
  void of_keepsNullAsNull() {
    assertThat(Mask.of(null)).isNull();
  }
}
