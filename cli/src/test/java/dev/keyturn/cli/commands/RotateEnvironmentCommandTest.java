package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code keyturn rotate --env ENV} against the local AWS: an entry with one source per environment
 * rotates the named environment's source and leaves the others alone; without {@code --env} it
 * rotates prod's; an environment the entry does not have is refused and changes nothing; {@code
 * --all --env ENV} takes every entry's source of that environment and leaves out entries without
 * one.
 */
@WithLocalAws
class RotateEnvironmentCommandTest {

  static final String NAME = "RX_WEBHOOK_HMAC";
  static final String PROD_ID = "kt-cli/webhook-hmac-prod";
  static final String STAGING_ID = "kt-cli/webhook-hmac-staging";

  static CliWorld world;

  @BeforeAll
  static void seed(LocalAws aws) {
    try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.create()) {
      sm.createSecret(b -> b.name(PROD_ID).secretString(SeededSecrets.generate("hmac-prod")));
      sm.createSecret(b -> b.name(STAGING_ID).secretString(SeededSecrets.generate("hmac-staging")));
    }
    world =
        CliWorld.seed(
            aws,
            """
              - name: %s
                source:
                  prod: {secretsManager: %s}
                  staging: {secretsManager: %s}
                tags: {function: session-signing, sensitivity: high, consumer: raptor, rotation: 90d}
                environments: [prod, staging]
                generator: {type: hmac-key, format: hex}
                expiresAt: non-expiring
                scopes: [webhook signing]
                references: [backend_v2/api/webhooks.py]
            """
                .formatted(NAME, PROD_ID, STAGING_ID));
  }

  @Test
  void env_rotatesThatEnvironmentsSource_andWithoutItProds_eachLeavingTheOtherAlone() {
    String prod = world.currentVersion(PROD_ID);
    String staging = world.currentVersion(STAGING_ID);

    CliResult r = Cli.run("rotate", NAME, "--env", "staging", "--in-process");

    String stagingAfter = world.currentVersion(STAGING_ID);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("rotate " + NAME + " (mode generated, staging source " + STAGING_ID)
        .contains("rotated " + NAME + ": version " + stagingAfter + " is current (was " + staging);
    assertThat(stagingAfter).isNotEqualTo(staging);
    assertThat(world.stages(STAGING_ID).get(staging)).containsExactly("AWSPREVIOUS");
    assertThat(world.currentVersion(PROD_ID)).isEqualTo(prod);

    CliResult plain = Cli.run("rotate", NAME, "--in-process", "--output", "json");

    assertThat(plain.exit()).as(plain.toString()).isZero();
    assertThat(Json.map(plain.out())).containsEntry("source", PROD_ID);
    assertThat(world.currentVersion(PROD_ID)).isNotEqualTo(prod);
    assertThat(world.currentVersion(STAGING_ID)).isEqualTo(stagingAfter);
  }

  @Test
  void env_thatTheEntryDoesNotHave_isRefusedInOneLine_andChangesNothing() {
    String prod = world.currentVersion(PROD_ID);
    String staging = world.currentVersion(STAGING_ID);

    CliResult r = Cli.run("rotate", NAME, "--env", "dev", "--in-process");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "keyturn: cannot rotate "
                + NAME
                + ": it has no source in environment dev (its environments: prod, staging)");
    assertThat(world.currentVersion(PROD_ID)).isEqualTo(prod);
    assertThat(world.currentVersion(STAGING_ID)).isEqualTo(staging);
  }

  @Test
  void all_withEnv_takesEachEntrysSourceOfThatEnvironment_andLeavesOutTheOthers() {
    String prod = world.currentVersion(PROD_ID);
    String staging = world.currentVersion(STAGING_ID);

    CliResult plan =
        Cli.run("rotate", "--all", "--env", "staging", "--in-process", "--dry-run", "--json");
    CliResult run = Cli.run("rotate", "--all", "--env", "staging", "--in-process");

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.err()).contains("rotate --all: 1 entry, critical first, environment staging");
    assertThat(rows(plan))
        .singleElement()
        .satisfies(row ->
            assertThat(row)
                .containsEntry("name", NAME)
                .containsEntry("source", STAGING_ID)
                .containsEntry("outcome", "planned"));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("1 rotated, 0 need a value, 0 failed");
    assertThat(world.currentVersion(STAGING_ID)).isNotEqualTo(staging);
    assertThat(world.currentVersion(PROD_ID)).isEqualTo(prod);
  }

  private static List<Map<String, Object>> rows(CliResult r) {
    try {
      return Json.MAPPER.readValue(r.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("not a JSON array: " + r.out(), e);
    }
  }
}
