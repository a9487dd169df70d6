package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretFields.SecretFieldMissingException;
import org.junit.jupiter.api.Test;

/** A sink's {@code field}: one top-level field of a JSON-valued secret. */
class SecretFieldsTest {

  private static final String ALPACA =
      "{\"key_id\":\"PKTEST123\",\"secret_key\":\"s3cr3t-value-xyz\",\"limit\":5,"
          + "\"live\":false,\"nested\":{\"a\":1}}";

  @Test
  void select_withoutAField_returnsTheWholeValue() {
    assertThat(SecretFields.select("ALP_X", ALPACA, null)).isEqualTo(ALPACA);
    assertThat(SecretFields.select("PLAIN", "not json at all", null)).isEqualTo("not json at all");
  }

  @Test
  void select_returnsTextAsIs_scalarsAsWritten_objectsAsJson() {
    assertThat(SecretFields.select("ALP_X", ALPACA, "secret_key")).isEqualTo("s3cr3t-value-xyz");
    assertThat(SecretFields.select("ALP_X", ALPACA, "limit")).isEqualTo("5");
    assertThat(SecretFields.select("ALP_X", ALPACA, "live")).isEqualTo("false");
    assertThat(SecretFields.select("ALP_X", ALPACA, "nested")).isEqualTo("{\"a\":1}");
  }

  @Test
  void select_refusesAMissingFieldOrAValueThatIsNoJsonObject_namingNeverTheValue() {
    for (String value : new String[] {ALPACA, "s3cr3t-value-xyz", "[\"s3cr3t-value-xyz\"]"}) {
      assertThatThrownBy(() -> SecretFields.select("ALP_X", value, "key_secret"))
          .isInstanceOf(SecretFieldMissingException.class)
          .hasMessageContaining("ALP_X")
          .hasMessageContaining("key_secret")
          .hasMessageNotContaining("s3cr3t");
    }
  }

  @Test
  void select_formatUrl_composesTheConnectionUrl_fromAConnectionSecret() {
    String db =
        "{\"engine\":\"postgres\",\"host\":\"db.internal\",\"port\":5432,\"username\":\"app\","
            + "\"password\":\"s3cr3t/pw@1\",\"dbname\":\"shop\","
            + "\"masterarn\":\"arn:aws:secretsmanager:us-east-1:1:secret:master\"}";

    assertThat(SecretFields.select("APP_DB", db, null, Sink.FORMAT_URL))
        .isEqualTo("postgres://app:s3cr3t%2Fpw%401@db.internal:5432/shop");
    assertThat(SecretFields.select("APP_DB", db, null, null)).isEqualTo(db);
  }

  @Test
  void select_formatUrl_refusesAValueThatIsNoConnectionSecret_namingNeverTheValue() {
    assertThatThrownBy(() -> SecretFields.select("APP_DB", "s3cr3t-plain", null, Sink.FORMAT_URL))
        .isInstanceOf(SecretFieldMissingException.class)
        .hasMessageContaining("APP_DB")
        .hasMessageContaining("url")
        .hasMessageNotContaining("s3cr3t");
  }
}
