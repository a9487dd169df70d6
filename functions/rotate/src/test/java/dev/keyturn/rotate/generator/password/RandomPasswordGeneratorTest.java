package dev.keyturn.rotate.generator.password;

import static dev.keyturn.rotate.generator.SecretAssertions.assertDoesNotMention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.InvalidGeneratorOptionsException;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomPasswordGeneratorTest {

  private final FakeRandomPasswordPort port = new FakeRandomPasswordPort();
  private final RandomPasswordGenerator generator = new RandomPasswordGenerator(port);

  private String generate(Map<String, String> options) {
    return generator.generate(GenerationRequest.first("db-password", options));
  }

  @Test
  void generate_withoutOptions_asksForTheDefaultPolicy() {
    String password = generate(Map.of());

    assertThat(port.policies())
        .containsExactly(
            new PasswordPolicy(32, ":/@\"'\\", false, false, false, false, false, true));
    assertThat(password).hasSize(32);
  }

  @Test
  void generate_mapsEveryOptionOntoThePolicy() {
    generate(
        Map.of(
            "length", "64",
            "excludeCharacters", "xyz",
            "requireEachIncludedType", "false",
            "excludeNumbers", "true",
            "excludePunctuation", "true",
            "excludeUppercase", "false",
            "excludeLowercase", "false",
            "includeSpace", "true"));

    assertThat(port.policies())
        .containsExactly(new PasswordPolicy(64, "xyz", true, true, false, false, true, false));
  }

  @Test
  void generate_withInvalidOptions_throwsNamedException_withoutCallingThePort() {
    assertThatThrownBy(() -> generate(Map.of("length", "0")))
        .isInstanceOfSatisfying(
            InvalidGeneratorOptionsException.class,
            e -> assertThat(e.problems()).singleElement().asString().contains("'length'"));
    assertThat(port.policies()).isEmpty();
  }

  @Test
  void validate_defaults_haveNoProblems() {
    assertThat(generator.validate(Map.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "4097", "-1", "long", ""})
  void validate_lengthOutside1To4096_isAProblemNamingLength(String length) {
    assertThat(generator.validate(Map.of("length", length)))
        .containsExactly("option 'length' must be a whole number from 1 to 4096");
  }

  @Test
  void validate_unknownOption_isAProblemNamingIt() {
    assertThat(generator.validate(Map.of("lenght", "12")))
        .singleElement()
        .asString()
        .startsWith("unknown option 'lenght'");
  }

  @Test
  void validate_nonBooleanFlag_isAProblemNamingIt() {
    assertThat(generator.validate(Map.of("requireEachIncludedType", "yes")))
        .containsExactly("option 'requireEachIncludedType' must be true or false");
  }

  @Test
  void validate_excludingEveryClass_isAProblem() {
    Map<String, String> none =
        Map.of(
            "excludeNumbers", "true",
            "excludePunctuation", "true",
            "excludeUppercase", "true",
            "excludeLowercase", "true");

    assertThat(generator.validate(none))
        .singleElement()
        .asString()
        .contains("every character class");
  }

  @Test
  void validate_excludeCharactersEmptyingARequiredClass_isAProblem() {
    assertThat(generator.validate(Map.of("excludeCharacters", "0123456789")))
        .singleElement()
        .asString()
        .contains("'excludeCharacters'", "numbers", "'requireEachIncludedType'");
    assertThat(
            generator.validate(
                Map.of("excludeCharacters", "0123456789", "requireEachIncludedType", "false")))
        .isEmpty();
  }

  @Test
  void validate_lengthShorterThanTheRequiredTypes_isAProblem() {
    assertThat(generator.validate(Map.of("length", "3")))
        .singleElement()
        .asString()
        .contains("'length' must be at least 4");
    assertThat(generator.validate(Map.of("length", "3", "excludePunctuation", "true"))).isEmpty();
  }

  @Test
  void checkWellFormed_acceptsWhatThePortProducedForTheSameOptions() {
    Map<String, String> options = Map.of("length", "20", "includeSpace", "true");
    for (int i = 0; i < 50; i++) {
      String password = generate(options);
      assertThatCode(() -> generator.checkWellFormed(password, options)).doesNotThrowAnyException();
    }
  }

  @Test
  void checkWellFormed_rejectsWrongLength() {
    String password = "Aa1!Aa1!Aa1!";

    assertThatThrownBy(() -> generator.checkWellFormed(password, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("32 characters")
        .satisfies(e -> assertDoesNotMention(e, password));
  }

  @Test
  void checkWellFormed_rejectsAnExcludedCharacter() {
    String password = "Aa1!".repeat(7) + "Aa1@";

    assertThatThrownBy(() -> generator.checkWellFormed(password, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("excludes")
        .satisfies(e -> assertDoesNotMention(e, password));
  }

  @Test
  void checkWellFormed_rejectsAMissingRequiredType_onlyWhenRequired() {
    String noDigits = "Aa!b".repeat(8);

    assertThatThrownBy(() -> generator.checkWellFormed(noDigits, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("no numbers character");
    assertThatCode(
            () -> generator.checkWellFormed(noDigits, Map.of("requireEachIncludedType", "false")))
        .doesNotThrowAnyException();
  }

  @Test
  void checkWellFormed_rejectsSpace_unlessIncluded() {
    String withSpace = "Aa1!".repeat(7) + "Aa1 ";

    assertThatThrownBy(() -> generator.checkWellFormed(withSpace, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class);
    assertThatCode(() -> generator.checkWellFormed(withSpace, Map.of("includeSpace", "true")))
        .doesNotThrowAnyException();
  }
}
