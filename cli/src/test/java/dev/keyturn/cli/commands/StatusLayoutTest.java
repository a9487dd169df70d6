package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code keyturn status} with long names and sinks and a source that does not exist: it still fits
 * 120 columns, {@code --wide} shows everything, and a missing source makes it exit 1.
 */
@WithLocalAws
class StatusLayoutTest {

  static final String LONG = "CF_DNS_EDIT_RAXX_APP_WITH_A_VERY_LONG_SCOPE_NAME";
  static final String LONG_SOURCE = "kt-cli/a-secret-with-a-rather-long-name-that-does-not-exist";
  static final String LONG_VAR = "CLOUDFLARE_DNS_EDIT_TOKEN_FOR_THE_RAXX_APP_ZONE_WITH_A_LONG_NAME";

  static CliWorld world;

  @BeforeAll
  static void seed(LocalAws aws) {
    world =
        CliWorld.seed(
            aws,
            """
              - name: %s
                source: {secretsManager: %s}
                tags: {function: dns-edit, sensitivity: high, consumer: terraform, rotation: 90d}
                environments: [prod]
                sinks:
                  - heroku: {app: kt-cli-web-with-a-long-app-name, var: %s}
            """
                .formatted(LONG, LONG_SOURCE, LONG_VAR));
  }

  @Test
  void status_fits120Columns_elidingLongNamesAndSinks_andExitsOneForAMissingSource() {
    CliResult r = Cli.run("status");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out().lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
    assertThat(r.out()).contains("…", "source missing", "6 entries", "1 source missing");
    assertThat(r.err()).contains("keyturn: source missing for " + LONG + " (" + LONG_SOURCE + ")");
  }

  @Test
  void status_wide_showsEveryColumnInFull() {
    CliResult r = Cli.run("status", "--wide");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(LONG, "sm:" + LONG_SOURCE + " (MISSING)", LONG_VAR, "LAST SYNC", "RELEASE")
        .doesNotContain("…");
    assertThat(r.out().lines()).anySatisfy(line -> assertThat(line.length()).isGreaterThan(120));
  }

  @Test
  void region_option_winsOverTheEnvironment() {
    CliResult here = Cli.run("status", "--json");
    CliResult elsewhere = Cli.run("status", "--json", "--region", "eu-west-3");

    // DynamoDB Local shares one table across regions; moto keeps secrets per region
    assertThat(here.out()).contains("\"id\":\"" + CliWorld.HMAC_ID + "\",\"version\":\"");
    assertThat(elsewhere.out())
        .contains("\"id\":\"" + CliWorld.HMAC_ID + "\",\"version\":null,\"exists\":false");
  }
}
