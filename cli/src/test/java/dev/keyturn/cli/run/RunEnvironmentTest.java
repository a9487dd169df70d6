package dev.keyturn.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.testing.fakes.FakeSecretSource;
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
  void staging_getsProdsAccountWideToken_andStagingsOwnEnvSpecificValue() {
    SecretEntry accountWide =
        new SecretEntry(
            "CF_DNS_EDIT",
            new Source.SecretsManager("keyturn/prod/cf"),
            Tags.of("dns-edit", "high", "ci", "90d"),
            List.of("prod"),
            "account",
            null,
            null,
            null,
            List.of(),
            null,
            List.of(new Sink.Github("raxx/infra", "staging", "CF_TOKEN", null, null, "staging")));
    SecretEntry perEnv =
        new SecretEntry(
            "PM_SERVER_MAIL",
            null,
            Tags.of("mail-send", "high", "raptor", "90d"),
            List.of("prod", "staging"),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            List.of(
                new Sink.Heroku("raptor", "POSTMARK_TOKEN", null, null, "prod"),
                new Sink.Heroku("raptor-staging", "POSTMARK_TOKEN", null, null, "staging")),
            java.util.Map.of(
                "prod", new Source.SecretsManager("keyturn/prod/pm"),
                "staging", new Source.SecretsManager("keyturn/staging/pm")));
    SecretSource byId = bySourceId();

    java.util.Map<String, String> staging =
        RunEnvironment.of(List.of(accountWide, perEnv), "staging").resolve(byId);
    java.util.Map<String, String> dev =
        RunEnvironment.of(List.of(accountWide, perEnv), "dev").resolve(byId);

    assertThat(staging)
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                "CF_TOKEN", "value-of-keyturn/prod/cf",
                "POSTMARK_TOKEN", "value-of-keyturn/staging/pm"));
    assertThat(dev).as("dev gets no prod token (rule 3)").isEmpty();
  }

  @Test
  void consumer_limitsTheCommandToThatConsumersEntries() {
    SecretEntry raptor = entry("RX_A", List.of("dev"), new Sink.Dotenv(".env", "A"));
    SecretEntry other =
        new SecretEntry(
            "RX_B",
            new Source.SecretsManager("id-RX_B"),
            Tags.of("notify", "low", "terraform", "90d"),
            List.of("dev"),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            List.of(new Sink.Dotenv(".env", "B")));

    assertThat(RunEnvironment.of(List.of(raptor, other), "dev", "ci").names())
        .containsOnlyKeys("A");
    assertThat(RunEnvironment.of(List.of(raptor, other), "dev", "terraform").names())
        .containsOnlyKeys("B");
    assertThat(RunEnvironment.of(List.of(raptor, other), "dev", null).names())
        .containsOnlyKeys("A", "B");
  }

  /** Every source holds {@code value-of-<id>}. */
  private static SecretSource bySourceId() {
    return new SecretSource() {
      @Override
      public java.util.Map<Source, SecretValue> current(java.util.Collection<Source> sources) {
        java.util.Map<Source, SecretValue> out = new java.util.HashMap<>();
        sources.forEach(s -> out.put(s, new SecretValue(s.id(), "v1", "value-of-" + s.id())));
        return out;
      }

      @Override
      public List<SecretValue> liveVersions(Source source) {
        return List.of();
      }
    };
  }

  /** The source of entry {@code ALP_PAPER} holds {@code value}. */
  private static SecretSource fixed(String value) {
    FakeSecretSource source = new FakeSecretSource();
    source.put(new Source.SecretsManager("id-ALP_PAPER"), value);
    return source;
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
