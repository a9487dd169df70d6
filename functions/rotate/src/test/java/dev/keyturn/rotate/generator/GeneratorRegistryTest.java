package dev.keyturn.rotate.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.generator.hmac.HmacKeyGenerator;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorRegistryTest {

  private final GeneratorRegistry registry =
      RotationGenerators.builtIns(new FakeRandomPasswordPort(), new RandomSource());

  @Test
  void builtIns_registerEveryGeneratorUnderItsType() {
    assertThat(registry.types())
        .containsExactly("random-password", "hmac-key", "jwt-rsa", "jwt-ec", "json-field");
    registry.types().forEach(type -> assertThat(registry.get(type).type()).isEqualTo(type));
  }

  @Test
  void get_unknownType_throwsNamedException() {
    assertThatThrownBy(() -> registry.get("rot13"))
        .isInstanceOfSatisfying(
            UnknownGeneratorException.class, e -> assertThat(e.type()).isEqualTo("rot13"))
        .hasMessageContaining("'rot13'");
  }

  @Test
  void get_nullType_throwsNamedException() {
    assertThatThrownBy(() -> registry.get(null)).isInstanceOf(UnknownGeneratorException.class);
  }

  @Test
  void validate_unknownType_isAProblem_notAnException() {
    assertThat(registry.validate("rot13", Map.of()))
        .singleElement()
        .asString()
        .contains("unknown generator type 'rot13'", "hmac-key");
  }

  @Test
  void validate_missingType_isAProblem() {
    assertThat(registry.validate(" ", Map.of())).singleElement().asString().contains("missing");
    assertThat(registry.validate(null, Map.of())).hasSize(1);
  }

  @Test
  void validate_delegatesToTheGeneratorOfThatType() {
    assertThat(registry.validate("hmac-key", Map.of("bytes", "8")))
        .singleElement()
        .asString()
        .contains("'bytes'");
    assertThat(registry.validate("hmac-key", Map.of("type", "hmac-key", "format", "hex")))
        .isEmpty();
  }

  @Test
  void constructor_rejectsTwoGeneratorsOfOneType() {
    RandomSource random = new RandomSource();
    List<SecretGenerator> twice =
        List.of(new HmacKeyGenerator(random), new HmacKeyGenerator(random));

    assertThatThrownBy(() -> new GeneratorRegistry(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hmac-key");
  }

  @Test
  void forValidation_validatesEveryType_butCannotGeneratePasswords() {
    GeneratorRegistry validating = RotationGenerators.builtInsForValidation();

    assertThat(validating.validate("random-password", Map.of("length", "0"))).hasSize(1);
    assertThat(validating.validate("json-field", Map.of("fields", "secret_key"))).isEmpty();
    assertThatThrownBy(() ->
            validating.get("random-password").generate(GenerationRequest.first("db", Map.of())))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyRegisteredType_isInCoresModeTable_withTheModeItsVendorSideImplies() {
    GeneratorRegistry all = dev.keyturn.rotate.RotationGenerators.forValidation();
    for (String type : all.types()) {
      dev.keyturn.inventory.RotationMode expected =
          type.equals("heroku-authorization") || type.equals("aws-iam-access-key")
              ? dev.keyturn.inventory.RotationMode.VENDOR
              : dev.keyturn.inventory.RotationMode.GENERATED;
      assertThat(dev.keyturn.inventory.GeneratorTypes.find(type))
          .as(type)
          .get()
          .extracting(dev.keyturn.inventory.GeneratorTypes.Type::mode)
          .isEqualTo(expected);
    }
  }
}
