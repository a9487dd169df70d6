package dev.keyturn.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {

  @Test
  void exportsEverySinkName_orTheEntryName_forEntriesOfTheEnvironment() {
    RunEnvironment env =
        RunEnvironment.of(
            List.of(
                entry(
                    "RX_A",
                    List.of("dev"),
                    new Sink.Heroku("app", "A_VAR", null),
                    new Sink.Dotenv(".env", "A_DOT")),
                entry("RX_B", List.of("dev")),
                entry("RX_PROD", List.of("prod"), new Sink.Heroku("app", "P", null))),
            "dev");

    assertThat(env.names())
        .containsExactly(
            java.util.Map.entry("A_DOT", "RX_A"),
            java.util.Map.entry("A_VAR", "RX_A"),
            java.util.Map.entry("RX_B", "RX_B"));
  }

  @Test
  void twoEntriesClaimingOneName_isRefusedNamingBoth() {
    assertThatThrownBy(() ->
            RunEnvironment.of(
                List.of(
                    entry("RX_A", List.of("dev"), new Sink.Dotenv(".env", "SAME")),
                    entry("RX_B", List.of("dev"), new Sink.Heroku("app", "SAME", null))),
                "dev"))
        .isInstanceOf(RunConflictException.class)
        .hasMessageContaining("SAME (RX_A, RX_B)");
  }

  @Test
  void resolve_givesEachSinkNameItsJsonField_andNamesAMissingFieldWithoutTheValue() {
    SecretEntry alpaca =
        entry(
            "ALP_PAPER",
            List.of("dev"),
            new Sink.Heroku("app", "ALPACA_KEY_ID", null, "key_id"),
            new Sink.Dotenv(".env", "ALPACA_SECRET_KEY", "secret_key"));
    String json = "{\"key_id\":\"PK9\",\"secret_key\":\"alpaca-s3cret\"}";
    SecretSource source = fixed(json);

    assertThat(RunEnvironment.of(List.of(alpaca), "dev").resolve(source))
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("ALPACA_KEY_ID", "PK9", "ALPACA_SECRET_KEY", "alpaca-s3cret"));
    SecretEntry wrongField =
        entry("ALP_PAPER", List.of("dev"), new Sink.Dotenv(".env", "X", "nope"));
    assertThatThrownBy(() -> RunEnvironment.of(List.of(wrongField), "dev").resolve(source))
        .isInstanceOf(RunSourceMissingException.class)
        .hasMessageContaining("ALP_PAPER.nope")
        .hasMessageNotContaining("alpaca-s3cret");
  }

  @Test
  void resolve_composesTheUrl_forAFormatUrlSink() {
    SecretEntry db =
        entry(
            "RX_DB",
            List.of("dev"),
            new Sink.Dotenv(".env", "DATABASE_URL", null, Sink.FORMAT_URL));
    SecretSource source =
        fixed(
            "{\"engine\":\"mysql\",\"host\":\"127.0.0.1\",\"username\":\"app\","
                + "\"password\":\"db-s3cret\",\"dbname\":\"shop\"}");

    assertThat(RunEnvironment.of(List.of(db), "dev").resolve(source))
        .containsExactly(
            java.util.Map.entry("DATABASE_URL", "mysql://app:db-s3cret@127.0.0.1:3306/shop"));
    assertThatThrownBy(() -> RunEnvironment.of(List.of(db), "dev").resolve(fixed("db-s3cret")))
        .isInstanceOf(RunSourceMissingException.class)
        .hasMessageContaining("RX_DB.url")
        .hasMessageNotContaining("db-s3cret");
  }

  /** Every source holds {@code value} at version v1. */
  private static SecretSource fixed(String value) {
    return new SecretSource() {
      @Override
      public java.util.Map<Source, SecretValue> current(java.util.Collection<Source> sources) {
        java.util.Map<Source, SecretValue> out = new java.util.HashMap<>();
        sources.forEach(s -> out.put(s, new SecretValue(s.id(), "v1", value)));
        return out;
      }

      @Override
      public List<SecretValue> liveVersions(Source source) {
        return List.of(new SecretValue(source.id(), "v1", value));
      }
    };
  }

  private static SecretEntry entry(String name, List<String> envs, Sink... sinks) {
    return new SecretEntry(
        name,
        new Source.SecretsManager("id-" + name),
        Tags.of("notify", "low", "ci", "90d"),
        envs,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of(sinks));
  }
}
