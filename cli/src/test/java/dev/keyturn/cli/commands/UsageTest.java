package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.Main;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

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
        "status",
        "run",
        "audit",
        "rotation-matrix",
        "verify-webhook",
        "local",
        "completion"
      })
  void everyCommand_hasHelpWithExamples(String command) {
    CliResult r = Cli.run(command, "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: keyturn " + command, "Examples:", "  keyturn " + command);
  }

  @Test
  void anUnknownCommand_isAUsageError_thatSuggestsTheNearest() {
    CliResult r = Cli.run("rotat");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Unmatched argument", "Did you mean: keyturn rotate", "Try 'keyturn --help'");
  }

  @Test
  void everyCommandsHelp_endsWithTheOneExitCodeTable() {
    for (String command : commands()) {
      String[] args = (command + " --help").split(" ");
      CliResult r = Cli.run(args);

      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out())
          .as(command)
          .endsWith(String.join(System.lineSeparator(), ExitCode.HELP) + System.lineSeparator())
          .contains("  0  ok", "  1  findings or failed work", "  2  usage or configuration");
    }
  }

  @Test
  void helpExamples_arePrintedAsWritten_neverWrapped() {
    for (String command : commands()) {
      CommandLine sub = subcommand(command);
      CliResult r = Cli.run((command + " --help").split(" "));
      List<String> lines = r.out().lines().toList();

      for (String example : sub.getCommandSpec().usageMessage().footer()) {
        assertThat(lines).as(command + " --help").contains(example);
      }
    }
  }

  @Test
  void everyAwsCommand_takesTheAwsClisConnectionOptions() {
    for (String command :
        List.of(
            "apply",
            "plan",
            "sync",
            "rotate",
            "status",
            "run",
            "audit",
            "rotation-matrix",
            "verify-webhook")) {
      CliResult r = Cli.run(command, "--help");

      assertThat(r.out())
          .as(command)
          .contains("--profile=NAME", "--region=REGION", "--endpoint-url=URL", "--debug");
    }
  }

  @Test
  void outputOptions_areCheckedBeforeAnyWork() {
    CliResult both = Cli.run("lint", "x.yaml", "--json", "--output", "text");
    CliResult unknown = Cli.run("lint", "x.yaml", "--output", "yaml");
    CliResult badQuery = Cli.run("lint", "x.yaml", "--query", "findings[");

    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--json and --output text contradict each other");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("expected json, table or text, not 'yaml'");
    assertThat(badQuery.exit()).isEqualTo(2);
    assertThat(badQuery.err()).contains("--query 'findings[':");
  }

  /** Every command and subcommand users can call, by its path under keyturn. */
  private static List<String> commands() {
    List<String> out = new java.util.ArrayList<>();
    collect(Main.commandLine(), "", out);
    return out;
  }

  private static void collect(CommandLine cli, String prefix, List<String> out) {
    cli.getSubcommands()
        .forEach((name, sub) -> {
          if (sub.getCommandSpec().usageMessage().hidden() || name.equals("help")) {
            return;
          }
          String path = prefix.isEmpty() ? name : prefix + " " + name;
          out.add(path);
          collect(sub, path, out);
        });
  }

  private static CommandLine subcommand(String path) {
    CommandLine cli = Main.commandLine();
    for (String name : path.split(" ")) {
      cli = cli.getSubcommands().get(name);
    }
    return cli;
  }

  @Test
  void aMissingParameter_isAUsageError() {
    CliResult r = Cli.run("rotate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'NAME'", "keyturn rotate --help");
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
