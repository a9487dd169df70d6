package dev.keyturn.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
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
