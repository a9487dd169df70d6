package dev.keyturn.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeededSecretsTest {

  @Test
  void generate_returnsARecognisableRegisteredValue() {
    String value = SeededSecrets.generate("Heroku API key");

    assertThat(value).startsWith("kt-seed-heroku-api-key-").hasSizeGreaterThan(40);
    assertThat(SeededSecrets.values().contains(value)).isTrue();
  }

  @Test
  void generate_neverRepeatsAValue() {
    assertThat(SeededSecrets.generate("same")).isNotEqualTo(SeededSecrets.generate("same"));
  }

  @Test
  void register_rejectsValuesTooShortToDetect_withoutNamingThem() {
    assertThatThrownBy(() -> SeededSecrets.register("s3cr3t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cr3t")
        .hasMessageContaining("at least 8 characters");
  }
}
