package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors exit 2 with the problem and a pointer to --help; every command has examples. */
class UsageTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lint",
        "apply",
        "plan",
        "sync",
        "rotate",
        "retired",
        "status",
        "run",
        "audit",
        "rotation-matrix"
      })
  void everyCommand_hasHelpWithExamples(String command) {
    CliResult r = Cli.run(command, "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: keyturn " + command, "Examples:", "  keyturn " + command);
  }

  @Test
  void anUnknownCommand_isAUsageError() {
    CliResult r = Cli.run("rotat");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument", "Try 'keyturn --help'");
  }

  @Test
  void aMissingParameter_isAUsageError() {
    CliResult r = Cli.run("retired");
    CliResult rotate = Cli.run("rotate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'NAME'", "keyturn retired --help");
    assertThat(rotate.exit()).isEqualTo(2);
    assertThat(rotate.err()).contains("name one entry, or pass --all");
  }

  @Test
  void anUnknownOption_isAUsageError() {
    assertThat(Cli.run("status", "--overdue").exit()).isEqualTo(2);
  }

  @Test
  void anUnreadableDuration_isAUsageError() {
    CliResult r = Cli.run("rotate", "X", "--timeout", "soon");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("expected a duration such as 90s, 5m or 1h");
  }

  @Test
  void runWithoutACommand_isAUsageError() {
    assertThat(Cli.run("run", "--env", "dev").exit()).isEqualTo(2);
  }

  @Test
  void aCommandNeedingTheTable_withoutOne_isAUsageError() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("KEYTURN_TABLE") == null, "KEYTURN_TABLE is set in this environment");
    String saved = System.clearProperty("keyturn.table");
    try {
      CliResult r = Cli.run("status");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err().strip())
          .isEqualTo(
              "keyturn: no table: set KEYTURN_TABLE or pass --table (the StateTable of the"
                  + " deployed stack)");
    } finally {
      if (saved != null) {
        System.setProperty("keyturn.table", saved);
      }
    }
  }

  @Test
  void conflictingOptions_areUsageErrors() {
    assertThat(Cli.run("sync", "--app", "a", "--secret", "B", "--table", "t").err())
        .contains("--app and --secret cannot be combined");
    assertThat(
            Cli.run("sync", "--no-heroku", "--no-github", "--no-cloudflare", "--table", "t").err())
        .contains("--no-heroku --no-github --no-cloudflare without --dotenv leaves nothing to do");
    assertThat(Cli.run("audit", "--limit", "0", "--table", "t").exit()).isEqualTo(2);
  }
}
