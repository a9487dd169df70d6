package dev.keyturn.rotate.vendor.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.generator.InvalidGeneratorOptionsException;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HerokuCredentialTest {

  private static final String ID = "01234567-89ab-cdef-0123-456789abcdef";
  private static final String TOKEN = "HRKU-aaaaaaaa-bbbb";

  @Test
  void value_roundTrips_throughParse() {
    HerokuCredential c = new HerokuCredential(ID, TOKEN);

    HerokuCredential back = HerokuCredential.parse(c.toSecretValue());

    assertThat(back.authorizationId()).isEqualTo(ID);
    assertThat(TOKEN.equals(back.token())).isTrue();
  }

  @Test
  void toString_hidesTheToken() {
    assertThat(new HerokuCredential(ID, TOKEN).toString()).contains(ID).doesNotContain(TOKEN);
  }

  @Test
  void parse_rejectsAnIdThatIsNotAUuid_withoutEchoingTheValue() {
    String value = "{\"authorizationId\":\"../../account\",\"token\":\"" + TOKEN + "\"}";

    assertThatThrownBy(() -> HerokuCredential.parse(value))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("../../account");
  }

  @Test
  void parse_rejectsAMissingToken_andNonJson() {
    assertThatThrownBy(() -> HerokuCredential.parse("{\"authorizationId\":\"" + ID + "\"}"))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("token");
    assertThatThrownBy(() -> HerokuCredential.parse(TOKEN))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void generator_acceptsNoOptions_andChecksShapeOnly() {
    HerokuAuthorizationGenerator generator = new HerokuAuthorizationGenerator();

    assertThat(generator.validate(Map.of())).isEmpty();
    assertThat(generator.validate(Map.of("length", "40")))
        .singleElement()
        .asString()
        .contains("length");
    generator.checkWellFormed(new HerokuCredential(ID, TOKEN).toSecretValue(), Map.of());
    assertThatThrownBy(() -> generator.checkWellFormed("{}", Map.of("length", "4")))
        .isInstanceOf(InvalidGeneratorOptionsException.class);
  }
}
