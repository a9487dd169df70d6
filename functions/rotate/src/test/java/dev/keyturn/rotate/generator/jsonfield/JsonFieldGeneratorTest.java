package dev.keyturn.rotate.generator.jsonfield;

import static dev.keyturn.rotate.generator.SecretAssertions.assertDifferentSecret;
import static dev.keyturn.rotate.generator.SecretAssertions.assertDoesNotMention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.InvalidGeneratorOptionsException;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldGeneratorTest {

  private static final String CURRENT =
      "{\"key_id\":\"AKIAEXAMPLE\",\"secret_key\":\"old-secret-key-value\","
          + "\"region\":\"eu-west-1\",\"limits\":{\"rps\":1.50,\"burst\":12345678901234567890},"
          + "\"tags\":[\"a\",null,true],\"token\":null}";
  private static final Map<String, String> SECRET_KEY_ONLY = Map.of("fields", "secret_key");

  private final JsonFieldGenerator generator = new JsonFieldGenerator(new RandomSource());
  private final ObjectMapper mapper = new ObjectMapper();

  private String generate(Map<String, String> options, String current) {
    return generator.generate(new GenerationRequest("partner-api", options, current));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void generate_replacesTheNamedField_with40AlnumCharactersByDefault() throws Exception {
    JsonNode next = mapper.readTree(generate(SECRET_KEY_ONLY, CURRENT));

    String secretKey = next.get("secret_key").textValue();
    assertThat(secretKey.matches("[A-Za-z0-9]{40}")).as("40 alnum characters").isTrue();
    assertDifferentSecret(secretKey, "old-secret-key-value", "secret_key");
  }

  @Test
  void generate_keepsEveryOtherFieldExactly_inOrder() throws Exception {
    String next = generate(SECRET_KEY_ONLY, CURRENT);

    ObjectNode before = (ObjectNode) mapper.readTree(CURRENT);
    ObjectNode after = (ObjectNode) mapper.readTree(next);
    assertThat(fieldNames(after)).containsExactlyElementsOf(fieldNames(before));
    before.remove("secret_key");
    after.remove("secret_key");
    assertThat(after).isEqualTo(before);
    // numbers keep their written form, not a double's
    assertThat(next).contains("\"rps\":1.50", "\"burst\":12345678901234567890");
  }

  @Test
  void generate_regeneratesEachListedField_andNullFields() throws Exception {
    JsonNode next =
        mapper.readTree(
            generate(
                Map.of("fields", " secret_key , token", "length", "16", "alphabet", "hex"),
                CURRENT));

    assertThat(next.get("secret_key").textValue()).matches("[0-9a-f]{16}");
    assertThat(next.get("token").textValue()).matches("[0-9a-f]{16}");
    assertThat(next.get("key_id").textValue()).isEqualTo("AKIAEXAMPLE");
  }

  @Test
  void generate_givesDifferentValuesToDifferentFields() throws Exception {
    JsonNode next = mapper.readTree(generate(Map.of("fields", "secret_key,token"), CURRENT));

    assertDifferentSecret(
        next.get("secret_key").textValue(), next.get("token").textValue(), "second field");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void generate_withoutCurrentValue_throwsNamedError(String current) {
    assertThatThrownBy(() -> generate(SECRET_KEY_ONLY, current))
        .isInstanceOfSatisfying(
            CorruptCurrentValueException.class,
            e -> assertThat(e.secretName()).isEqualTo("partner-api"))
        .hasMessageContaining("no current value");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain-old-secret-text",
        "[\"secret_key\",\"abc\"]",
        "\"just-a-json-string\"",
        "{\"secret_key\":\"dup-one\",\"secret_key\":\"dup-two\"}",
        "{\"secret_key\":\"trailing\"} garbage-after"
      })
  void generate_fromNonObjectCurrentValue_throwsNamedError_withoutTheValue(String current) {
    assertThatThrownBy(() -> generate(SECRET_KEY_ONLY, current))
        .isInstanceOf(CorruptCurrentValueException.class)
        .hasMessageContaining("'partner-api'")
        .hasMessageContaining("not a JSON object")
        .satisfies(e -> assertDoesNotMention(e, current))
        .satisfies(e -> assertDoesNotMention(e, "dup-one"))
        .satisfies(e -> assertDoesNotMention(e, "garbage-after"));
  }

  @Test
  void generate_whenAListedFieldIsMissing_throwsNamedErrorNamingTheField() {
    assertThatThrownBy(() -> generate(Map.of("fields", "secret_kye"), CURRENT))
        .isInstanceOf(CorruptCurrentValueException.class)
        .hasMessageContaining("field 'secret_kye'")
        .satisfies(e -> assertDoesNotMention(e, "old-secret-key-value"));
  }

  @Test
  void generate_whenAListedFieldIsNotAString_throwsNamedError() {
    assertThatThrownBy(() -> generate(Map.of("fields", "limits"), CURRENT))
        .isInstanceOf(CorruptCurrentValueException.class)
        .hasMessageContaining("field 'limits'");
  }

  @Test
  void validate_requiresFields() {
    assertThat(generator.validate(Map.of()))
        .containsExactly("option 'fields' must name at least one field to regenerate");
    assertThat(generator.validate(Map.of("fields", " ")))
        .containsExactly("option 'fields' must name at least one field to regenerate");
  }

  @Test
  void validate_rejectsEmptyAndRepeatedFieldNames() {
    assertThat(generator.validate(Map.of("fields", "a,,b")))
        .containsExactly("option 'fields' has an empty name between commas");
    assertThat(generator.validate(Map.of("fields", "a,b, a")))
        .containsExactly("option 'fields' names a field more than once");
  }

  @Test
  void validate_rejectsBadLengthAlphabetAndUnknownOptions() {
    assertThat(
            generator.validate(
                Map.of("fields", "a", "length", "0", "alphabet", "emoji", "charset", "x")))
        .containsExactlyInAnyOrder(
            "unknown option 'charset' (known options: alphabet, fields, length)",
            "option 'length' must be a whole number from 1 to 4096",
            "option 'alphabet' must be one of: alnum, base64url, hex, numeric");
  }

  @Test
  void generate_withInvalidOptions_throwsNamedException() {
    assertThatThrownBy(() -> generate(Map.of(), CURRENT))
        .isInstanceOf(InvalidGeneratorOptionsException.class)
        .hasMessageContaining("'fields'");
  }

  @Test
  void checkWellFormed_acceptsGeneratedValues() {
    Map<String, String> options = Map.of("fields", "secret_key,token", "alphabet", "base64url");
    String value = generate(options, CURRENT);

    assertThatCode(() -> generator.checkWellFormed(value, options)).doesNotThrowAnyException();
  }

  @Test
  void checkWellFormed_rejectsAnEmptyOrMissingRegeneratedField() {
    assertThatThrownBy(() -> generator.checkWellFormed("{\"secret_key\":\"\"}", SECRET_KEY_ONLY))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("field 'secret_key'");
    assertThatThrownBy(() -> generator.checkWellFormed("{\"key_id\":\"x\"}", SECRET_KEY_ONLY))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("field 'secret_key'");
  }

  @Test
  void checkWellFormed_rejectsAFieldOfTheWrongLengthOrAlphabet() {
    String shortValue = "{\"secret_key\":\"abc\"}";
    String wrongAlphabet = "{\"secret_key\":\"" + "!".repeat(40) + "\"}";

    assertThatThrownBy(() -> generator.checkWellFormed(shortValue, SECRET_KEY_ONLY))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("40 characters of the alnum alphabet");
    assertThatThrownBy(() -> generator.checkWellFormed(wrongAlphabet, SECRET_KEY_ONLY))
        .isInstanceOf(MalformedSecretValueException.class);
  }

  @Test
  void checkWellFormed_rejectsNonObjects_withoutQuotingThem() {
    String value = "secret_key=hunter2hunter2";

    assertThatThrownBy(() -> generator.checkWellFormed(value, SECRET_KEY_ONLY))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("not a JSON object")
        .satisfies(e -> assertDoesNotMention(e, "hunter2"));
  }
}
