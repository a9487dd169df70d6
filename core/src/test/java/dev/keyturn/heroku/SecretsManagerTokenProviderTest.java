package dev.keyturn.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretsManagerTokenProviderTest {

  @Test
  void parse_acceptsRawToken() {
    assertThat(SecretsManagerTokenProvider.parse("hk", "  HRKU-abc123\n")).isEqualTo("HRKU-abc123");
  }

  @Test
  void parse_acceptsRotationJson() {
    String value = "{\"authorizationId\":\"01234567-89ab\",\"token\":\"HRKU-xyz\"}";
    assertThat(SecretsManagerTokenProvider.parse("hk", value)).isEqualTo("HRKU-xyz");
  }

  @Test
  void parse_rejectsJsonWithoutToken_withoutEchoingTheValue() {
    String value = "{\"authorizationId\":\"a\",\"secret\":\"do-not-print-me\"}";
    assertThatThrownBy(() -> SecretsManagerTokenProvider.parse("hk/token", value))
        .isInstanceOf(TokenSecretInvalidException.class)
        .hasMessageContaining("hk/token")
        .satisfies(e -> assertThat(e.getMessage().contains("do-not-print-me")).isFalse());
  }

  @Test
  void parse_rejectsBrokenJson_withoutEchoingTheValue() {
    assertThatThrownBy(() -> SecretsManagerTokenProvider.parse("hk", "{\"token\": \"leaky"))
        .isInstanceOf(TokenSecretInvalidException.class)
        .satisfies(e -> assertThat(e.getMessage().contains("leaky")).isFalse());
  }

  @Test
  void parse_rejectsEmptyValue() {
    assertThatThrownBy(() -> SecretsManagerTokenProvider.parse("hk", " "))
        .isInstanceOf(TokenSecretInvalidException.class);
  }
}
