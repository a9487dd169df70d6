package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithLocalAws
class RunCommandTest {

  static CliWorld world;

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
  }

  @Test
  void theChildSeesTheEnvironmentsSecrets_underTheirSinkNames(@TempDir Path dir) throws Exception {
    // the child writes what it sees to files; the test compares them, nothing prints a value
    String script =
        "printf %s \"$STRIPE_RESTRICTED_KEY\" > stripe-dotenv; "
            + "printf %s \"$STRIPE_KEY\" > stripe-heroku; "
            + "printf %s \"$FS_SUPPORT_API\" > freescout; "
            + "printf %s \"${SESSION_HMAC-unset}\" > hmac";

    CliResult r = Cli.run("run", "--env", "dev", "--", "sh", "-c", "cd '" + dir + "' && " + script);

    String stripe = world.parameterValue(CliWorld.STRIPE_ID);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.all()).isEmpty();
    assertThat(Files.readString(dir.resolve("stripe-dotenv")).equals(stripe)).isTrue();
    assertThat(Files.readString(dir.resolve("stripe-heroku")).equals(stripe)).isTrue();
    assertThat(
            Files.readString(dir.resolve("freescout"))
                .equals(world.parameterValue(CliWorld.FREESCOUT_ID)))
        .isTrue();
    assertThat(Files.readString(dir.resolve("hmac"))).isEqualTo("unset");
  }

  @Test
  void theDefaultEnvironmentIsDev() {
    CliResult r = Cli.run("run", "--verbose", "--", "true");

    assertThat(r.exit()).isZero();
    assertThat(r.err())
        .contains("env dev, 3 variables")
        .contains("FS_SUPPORT_API (FS_SUPPORT_API)")
        .contains("STRIPE_KEY (RX_API_PEPPER)")
        .contains("STRIPE_RESTRICTED_KEY (RX_API_PEPPER)")
        .doesNotContain("SESSION_HMAC");
  }

  @Test
  void prodMustBeAskedFor_andExportsProdEntries() {
    CliResult r =
        Cli.run("run", "--env", "prod", "--verbose", "--", "sh", "-c", "test -n \"$SESSION_HMAC\"");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("SESSION_HMAC (RX_SESSION_HMAC)", "SL_BOT_NOTIFY (SL_BOT_NOTIFY)");
  }

  @Test
  void exitsWithTheCommandsExitCode_withOrWithoutDoubleDash() {
    assertThat(Cli.run("run", "--", "sh", "-c", "exit 7").exit()).isEqualTo(7);
    assertThat(Cli.run("run", "sh", "-c", "exit 3").exit()).isEqualTo(3);
  }

  @Test
  void aCommandThatCannotStart_exits127_withOneLine() {
    CliResult r = Cli.run("run", "--", "/nonexistent/keyturn-test-command");

    assertThat(r.exit()).isEqualTo(127);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("keyturn: cannot start /nonexistent/keyturn-test-command: ");
  }

  @Test
  void aMissingSource_stopsBeforeTheCommandStarts(@TempDir Path dir) {
    world.ssm.deleteParameter(b -> b.name(CliWorld.FREESCOUT_ID));
    try {
      Path marker = dir.resolve("ran");

      CliResult r = Cli.run("run", "--", "touch", marker.toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("no current value for FS_SUPPORT_API", "not started");
      assertThat(marker).doesNotExist();
    } finally {
      world.putParameter(
          CliWorld.FREESCOUT_ID,
          dev.keyturn.testing.leak.SeededSecrets.generate("freescout-again"));
    }
  }

  @Test
  void anEnvironmentWithoutEntries_runsTheCommandWithNoneAdded() {
    CliResult r = Cli.run("run", "--env", "qa", "--verbose", "--", "true");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("env qa, 0 variables");
  }
}
