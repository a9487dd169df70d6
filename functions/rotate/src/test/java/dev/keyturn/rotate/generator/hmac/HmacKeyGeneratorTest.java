package dev.keyturn.rotate.generator.hmac;

import static dev.keyturn.rotate.generator.SecretAssertions.assertDifferentSecret;
import static dev.keyturn.rotate.generator.SecretAssertions.assertDoesNotMention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.InvalidGeneratorOptionsException;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.RandomSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HmacKeyGeneratorTest {

  private final HmacKeyGenerator generator = new HmacKeyGenerator(new RandomSource());

  private String generate(Map<String, String> options) {
    return generator.generate(GenerationRequest.first("webhook-secret", options));
  }

  @Test
  void generate_byDefault_isWhsecPrefixedBase64Of32Bytes() {
    String value = generate(Map.of());

    assertThat(value.startsWith("whsec_")).as("has the whsec_ prefix").isTrue();
    assertThat(Base64.getDecoder().decode(value.substring("whsec_".length()))).hasSize(32);
  }

  @Test
  void generate_hexFormat_isLowercaseHexOfTheRequestedBytes() {
    String value = generate(Map.of("format", "hex", "bytes", "48"));

    assertThat(value.matches("[0-9a-f]{96}")).as("96 lowercase hex digits").isTrue();
    assertThat(HexFormat.of().parseHex(value)).hasSize(48);
  }

  @Test
  void generate_givesADifferentKeyEachTime() {
    assertDifferentSecret(generate(Map.of()), generate(Map.of()), "hmac key");
  }

  @Test
  void generate_ignoresTheCurrentValue() {
    String value =
        generator.generate(new GenerationRequest("webhook-secret", Map.of(), "not-a-key-at-all"));

    assertThatCode(() -> generator.checkWellFormed(value, Map.of())).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"23", "65", "16", "many"})
  void validate_bytesOutside24To64_isAProblemNamingBytes(String bytes) {
    assertThat(generator.validate(Map.of("bytes", bytes)))
        .containsExactly("option 'bytes' must be a whole number from 24 to 64");
  }

  @Test
  void validate_boundariesAndDefaults_haveNoProblems() {
    assertThat(generator.validate(Map.of())).isEmpty();
    assertThat(generator.validate(Map.of("bytes", "24", "format", "whsec"))).isEmpty();
    assertThat(generator.validate(Map.of("bytes", "64", "format", "hex"))).isEmpty();
  }

  @Test
  void validate_unknownFormat_isAProblemListingTheFormats() {
    assertThat(generator.validate(Map.of("format", "base64")))
        .containsExactly("option 'format' must be one of: hex, whsec");
  }

  @Test
  void validate_unknownOption_isAProblemNamingIt() {
    assertThat(generator.validate(Map.of("prefix", "whsec_")))
        .singleElement()
        .asString()
        .startsWith("unknown option 'prefix'");
  }

  @Test
  void generate_withInvalidOptions_throwsNamedException() {
    assertThatThrownBy(() -> generate(Map.of("bytes", "8")))
        .isInstanceOf(InvalidGeneratorOptionsException.class)
        .hasMessageContaining("hmac-key")
        .hasMessageContaining("'bytes'");
  }

  @Test
  void checkWellFormed_acceptsGeneratedValues_inBothFormats() {
    for (Map<String, String> options :
        java.util.List.of(Map.<String, String>of(), Map.of("format", "hex", "bytes", "40"))) {
      String value = generate(options);
      assertThatCode(() -> generator.checkWellFormed(value, options)).doesNotThrowAnyException();
    }
  }

  @Test
  void checkWellFormed_rejectsAMissingPrefix() {
    String value = generate(Map.of()).substring("whsec_".length());

    assertThatThrownBy(() -> generator.checkWellFormed(value, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("whsec")
        .satisfies(e -> assertDoesNotMention(e, value));
  }

  @Test
  void checkWellFormed_rejectsTheWrongByteCount() {
    String value = generate(Map.of("bytes", "24"));

    assertThatThrownBy(() -> generator.checkWellFormed(value, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("24 bytes long, expected 32")
        .satisfies(e -> assertDoesNotMention(e, value));
  }

  @Test
  void checkWellFormed_rejectsTextThatIsNotBase64() {
    String value = "whsec_not*base64*at*all*!";

    assertThatThrownBy(() -> generator.checkWellFormed(value, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .satisfies(e -> assertDoesNotMention(e, "not*base64"));
  }

  @Test
  void checkWellFormed_rejectsUppercaseHex() {
    String value = generate(Map.of("format", "hex")).toUpperCase(java.util.Locale.ROOT);

    assertThatThrownBy(() -> generator.checkWellFormed(value, Map.of("format", "hex")))
        .isInstanceOf(MalformedSecretValueException.class)
        .satisfies(e -> assertDoesNotMention(e, value));
  }

  @Test
  void checkWellFormed_rejectsAbsentValue() {
    assertThatThrownBy(() -> generator.checkWellFormed(null, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class);
  }
}
