package dev.keyturn.rotate.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void unknownOption_isAProblem_namingItAndTheKnownOnes() {
    GeneratorOptions reader = new GeneratorOptions(Map.of("lenght", "8"), Set.of("length"));

    assertThat(reader.problems()).singleElement().asString().contains("'lenght'", "length");
  }

  @Test
  void typeKey_isTolerated() {
    GeneratorOptions reader = new GeneratorOptions(Map.of("type", "hmac-key"), Set.of());

    assertThat(reader.problems()).isEmpty();
  }

  @Test
  void integer_returnsDefault_whenAbsent_andValue_whenInRange() {
    GeneratorOptions reader = new GeneratorOptions(Map.of("n", " 7 "), Set.of("n", "m"));

    assertThat(reader.integer("n", 1, 1, 10)).isEqualTo(7);
    assertThat(reader.integer("m", 3, 1, 10)).isEqualTo(3);
    assertThat(reader.problems()).isEmpty();
  }

  @Test
  void integer_outOfRangeOrNotANumber_isAProblem_andYieldsDefault() {
    GeneratorOptions reader =
        new GeneratorOptions(Map.of("n", "11", "m", "seven"), Set.of("n", "m"));

    assertThat(reader.integer("n", 5, 1, 10)).isEqualTo(5);
    assertThat(reader.integer("m", 5, 1, 10)).isEqualTo(5);
    assertThat(reader.problems())
        .containsExactly(
            "option 'n' must be a whole number from 1 to 10",
            "option 'm' must be a whole number from 1 to 10");
  }

  @Test
  void bool_acceptsTrueAndFalseInAnyCase_only() {
    GeneratorOptions reader =
        new GeneratorOptions(Map.of("a", "TRUE", "b", "false", "c", "yes"), Set.of("a", "b", "c"));

    assertThat(reader.bool("a", false)).isTrue();
    assertThat(reader.bool("b", true)).isFalse();
    assertThat(reader.bool("c", true)).isTrue();
    assertThat(reader.problems()).containsExactly("option 'c' must be true or false");
  }

  @Test
  void oneOf_isCaseInsensitive_andListsChoicesWhenWrong() {
    GeneratorOptions reader =
        new GeneratorOptions(Map.of("f", "HEX", "g", "b64"), Set.of("f", "g"));
    Map<String, Integer> choices = Map.of("hex", 1, "whsec", 2);

    assertThat(reader.oneOf("f", 2, choices)).isEqualTo(1);
    assertThat(reader.oneOf("g", 2, choices)).isEqualTo(2);
    assertThat(reader.problems()).containsExactly("option 'g' must be one of: hex, whsec");
  }

  @Test
  void requireValid_throwsWithEveryProblem() {
    GeneratorOptions reader = new GeneratorOptions(Map.of("x", "1", "n", "0"), Set.of("n"));
    reader.integer("n", 1, 1, 2);

    assertThatThrownBy(() -> reader.requireValid("some-type"))
        .isInstanceOfSatisfying(
            InvalidGeneratorOptionsException.class,
            e -> {
              assertThat(e.type()).isEqualTo("some-type");
              assertThat(e.problems()).hasSize(2);
            });
  }
}
