package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.ALPACA;
import static dev.keyturn.cli.support.CliWorld.FREESCOUT;
import static dev.keyturn.cli.support.CliWorld.HMAC;
import static dev.keyturn.cli.support.CliWorld.PAIR;
import static dev.keyturn.cli.support.CliWorld.SLACK;
import static dev.keyturn.cli.support.CliWorld.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyturn rotate --all}: the emergency full-surface rotation, against the local AWS. */
@WithLocalAws
class RotateAllCommandTest {

  static CliWorld world;

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
  }

  @Test
  void dryRun_listsEveryRotatableEntry_criticalFirst_andOperatorOnesNeedAValue() {
    CliResult r = Cli.run("rotate", "--all", "--in-process", "--dry-run");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("rotate --all: 6 entries, critical first, dry run")
        .containsSubsequence("[1/6] " + ALPACA + " (operator, critical)", "[2/6] " + HMAC)
        .contains("NAME", "MODE", "SENSITIVITY", "OUTCOME")
        .containsPattern(ALPACA + " +operator +critical +needs a value")
        .containsPattern(FREESCOUT + " +operator +medium +needs a value")
        .containsPattern(HMAC + " +generated +high +planned")
        .contains("4 planned, 2 need a value, 0 failed");
  }

  @Test
  void filters_byVendorAndSensitivity_andRefuseBadOptions() {
    CliResult rx = Cli.run("rotate", "--all", "--vendor", "RX", "--in-process", "--dry-run");
    CliResult critical = Cli.run("rotate", "--all", "--sensitivity", "critical", "--dry-run");
    CliResult bad = Cli.run("rotate", "--all", "--sensitivity", "urgent");
    CliResult both = Cli.run("rotate", HMAC, "--all");
    CliResult stray = Cli.run("rotate", HMAC, "--from-dir", ".");

    assertThat(rx.out()).contains("rotate --all: 3 entries").doesNotContain(ALPACA, SLACK);
    assertThat(critical.out()).contains("rotate --all: 1 entry", ALPACA).doesNotContain(HMAC);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--sensitivity must be one of critical, high, medium, low");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.err()).contains("go with --all");
  }

  @Test
  void rotatesEachEntryThroughItsMode_takesOperatorValuesFromDir_andExitsOneOnAFailure(
      @TempDir Path dir) throws Exception {
    String pair = CliWorld.alpacaPair();
    Files.writeString(dir.resolve(ALPACA), pair + "\n");
    String stripeBefore = world.parameterValue(CliWorld.STRIPE_ID);

    CliResult r = Cli.run("rotate", "--all", "--in-process", "--from-dir", dir.toString());

    SeededSecrets.register(world.secretValue(CliWorld.HMAC_ID));
    SeededSecrets.register(world.secretValue(CliWorld.SLACK_ID));
    SeededSecrets.register(world.parameterValue(CliWorld.STRIPE_ID));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .containsSubsequence("[1/6] " + ALPACA, "=> rotated", "[2/6] " + HMAC, "=> rotated")
        .containsPattern(
            ALPACA + " +operator +critical +rotated +\\S+ +to do: revoke the old Alpaca")
        .containsPattern(FREESCOUT + " +operator +medium +needs a value")
        .containsPattern(PAIR + " +generated +medium +failed")
        .containsPattern(STRIPE + " +generated +low +rotated")
        .contains("4 rotated, 1 need a value, 1 failed");
    assertThat(world.secretValue(CliWorld.ALPACA_ID)).isEqualTo(pair);
    assertThat(world.parameterValue(CliWorld.STRIPE_ID)).isNotEqualTo(stripeBefore);
  }
}
