package dev.keyturn.rotate.supplied;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppliedValuesTest {

  static SecretEntry entry(List<Sink> sinks) {
    return new SecretEntry(
        "ALP_PAPER_TRADING",
        new Source.SecretsManager("a"),
        Tags.of("trading-paper", "medium", "raptor", "180d"),
        List.of("prod"),
        null,
        null,
        null,
        "non-expiring",
        List.of("paper"),
        null,
        sinks);
  }

  static final SecretEntry PLAIN = entry(List.of());
  static final SecretEntry FIELDS =
      entry(
          List.of(
              new Sink.Heroku("app", "KEY_ID", null, "key_id"),
              new Sink.Heroku("app", "SECRET", null, "secret_key")));

  @Test
  void aPlainValue_needsOnlyToBeNewAndNotEmpty() {
    assertThatCode(() -> SuppliedValues.check(PLAIN, "new-token-123", "old-token-456"))
        .doesNotThrowAnyException();
    assertThatCode(() -> SuppliedValues.check(PLAIN, "first-token", null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SuppliedValues.check(PLAIN, "  \n", "old"))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> SuppliedValues.check(PLAIN, "same-token-1", "same-token-1"))
        .isInstanceOf(SuppliedValueRejectedException.class)
        .hasMessageContaining("is the current one")
        .hasMessageNotContaining("same-token-1");
  }

  @Test
  void aJsonValue_keepsTheCurrentKeys_andCarriesEverySinkField() {
    String current = "{\"key_id\":\"A1\",\"secret_key\":\"s1\"}";
    assertThatCode(() ->
            SuppliedValues.check(FIELDS, "{\"secret_key\":\"s2\",\"key_id\":\"A2\"}", current))
        .doesNotThrowAnyException();
    assertThatThrownBy(() ->
            SuppliedValues.check(
                FIELDS, "{\"key_id\":\"A2\",\"secret_key\":\"s2\",\"extra\":\"x\"}", current))
        .hasMessageContaining("[extra, key_id, secret_key]");
    assertThatThrownBy(
            () -> SuppliedValues.check(FIELDS, "{\"key_id\":\"A2\",\"secret_key\":\"\"}", null))
        .hasMessageContaining("no value for the sink field(s) [secret_key]");
    assertThatThrownBy(() -> SuppliedValues.check(FIELDS, "s3cr3t-not-json", null))
        .hasMessageContaining("must be a JSON object with the fields [key_id, secret_key]")
        .hasMessageNotContaining("s3cr3t");
  }
}
