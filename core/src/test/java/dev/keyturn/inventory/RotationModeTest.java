package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationModeTest {

  static SecretEntry entry(String rotation, GeneratorSpec generator) {
    return new SecretEntry(
        "CF_DNS_EDIT",
        new Source.SecretsManager("a"),
        Tags.of("dns-edit", "high", "ci", rotation),
        List.of("prod"),
        null,
        null,
        generator,
        null,
        List.of(),
        null,
        List.of());
  }

  @Test
  void mode_isTheGeneratorTypes_orOperatorWithout_orNoneWhenNonRotating() {
    assertThat(entry("90d", new GeneratorSpec("hmac-key", Map.of())).mode())
        .isEqualTo(RotationMode.GENERATED);
    assertThat(entry("90d", new GeneratorSpec("heroku-authorization", Map.of())).mode())
        .isEqualTo(RotationMode.VENDOR);
    assertThat(entry("30d", new GeneratorSpec("aws-iam-access-key", Map.of("user", "u"))).mode())
        .isEqualTo(RotationMode.VENDOR);
    assertThat(entry("90d", null).mode()).isEqualTo(RotationMode.OPERATOR);
    assertThat(entry("non-rotating", null).mode()).isEqualTo(RotationMode.NONE);
    assertThat(entry("non-rotating", new GeneratorSpec("hmac-key", Map.of())).mode())
        .isEqualTo(RotationMode.NONE);
  }

  @Test
  void databaseTypes_areGenerated_andAnUnknownTypeCountsAsInvented() {
    for (String type :
        List.of(
            "postgres-single-user",
            "mysql-single-user",
            "redis-single-user",
            "postgres-alternating-users",
            "mysql-alternating-users",
            "redis-alternating-users")) {
      assertThat(GeneratorTypes.modeOf(type)).as(type).isEqualTo(RotationMode.GENERATED);
    }
    assertThat(GeneratorTypes.modeOf("made-up")).isEqualTo(RotationMode.GENERATED);
  }

  @Test
  void awsIamAccessKey_requiresItsUser() {
    assertThat(GeneratorTypes.missingOptions("aws-iam-access-key", Map.of()))
        .containsExactly("option 'user' is required");
    assertThat(GeneratorTypes.missingOptions("aws-iam-access-key", Map.of("user", "bootstrap")))
        .isEmpty();
    assertThat(GeneratorTypes.missingOptions("made-up", Map.of())).isEmpty();
  }
}
