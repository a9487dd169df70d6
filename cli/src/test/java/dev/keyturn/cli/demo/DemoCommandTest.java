package dev.keyturn.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyturn demo} end to end, in this JVM: it starts its own local AWS, so this proves the
 * README's run command works from a checkout. The leak guard of {@code @WithLocalAws} checks the
 * captured logs after the class for every value registered here.
 */
@WithLocalAws
@WithHerokuStandIn
class DemoCommandTest {

  static final String WEBHOOK_VAR = "FREESCOUT_SUPPORT_WEBHOOK_SECRET";
  static final String EXAMPLE = Path.of("..", "examples", "inventory.yaml").toString();

  @Test
  void demo_passesEveryStep_andLeavesNoEnvFileBehind(@TempDir Path work) {
    CliResult result = Cli.run("demo", "--inventory", EXAMPLE, "--work-dir", work.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("createSecret  -> created")
        .contains("finishSecret  -> finished")
        .contains("signed with the previous secret (AWSPREVIOUS)  -> 202")
        .contains("signed with the new secret (AWSCURRENT)        -> 202")
        .contains("the same delivery again (a replay)             -> 200")
        .contains("signed with a secret that was never live       -> 401")
        .containsPattern(
            "timeline: finished \\d\\d:\\d\\d:\\d\\d\\.\\d{3} -> published \\+\\d+\\.\\d s"
                + " -> confirmed \\+\\d+\\.\\d s -> retired \\+\\d+\\.\\d s")
        .contains("signed with the retired secret (was AWSPREVIOUS) -> 401")
        .containsPattern("STALE_SECRET [1-9]")
        .contains("Sync to Heroku: skipped")
        .contains("every step passed");
    assertThat(work.resolve(".env.local")).doesNotExist();
    if (postgresInstalled()) {
      assertThat(result.out())
          .contains("Rotate PG_RAPTOR_APP (postgres-alternating-users) against a real PostgreSQL")
          .contains("AWSCURRENT is user raptor_clone now; AWSPREVIOUS (raptor) still logs in: true")
          .containsPattern("during the rotation: [1-9][0-9]* queries, 0 failed, 0 logins refused")
          .contains("DATABASE_URL (format: url) for Heroku: p***r");
    } else {
      assertThat(result.out())
          .contains("Rotate PG_RAPTOR_APP (postgres-alternating-users): skipped, PostgreSQL's");
    }
  }

  /** What the demo looks for (local's PostgresServer): Debian's layout, else initdb on PATH. */
  private static boolean postgresInstalled() {
    try (var versions = Files.newDirectoryStream(Path.of("/usr/lib/postgresql"))) {
      for (Path v : versions) {
        if (Files.isExecutable(v.resolve("bin/initdb"))) {
          return true;
        }
      }
    } catch (java.io.IOException none) {
      // not the Debian layout
    }
    return java.util.Arrays.stream(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "initdb")));
  }

  @Test
  void demo_withLocalStack_failsWithOneLine_whenTheClassPathLacksTestcontainers(
      @TempDir Path work) {
    CliResult result =
        Cli.run(
            "demo",
            "--inventory",
            EXAMPLE,
            "--work-dir",
            work.toString(),
            "--local-aws",
            "localstack");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .satisfies(line ->
            assertThat(line)
                .startsWith("keyturn: KEYTURN_LOCAL_AWS=localstack needs Testcontainers")
                .endsWith("or unset KEYTURN_LOCAL_AWS to use moto_server and DynamoDB Local"));
    assertThat(result.out()).doesNotContain("[2]");
  }

  @Test
  void demo_withAnUnknownBackend_failsWithOneLineNamingTheKnownOnes(@TempDir Path work) {
    CliResult result =
        Cli.run(
            "demo", "--inventory", EXAMPLE, "--work-dir", work.toString(), "--local-aws", "k8s");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "keyturn: KEYTURN_LOCAL_AWS=k8s names no local AWS backend (known: moto, localstack)");
  }

  @Test
  void demo_syncsTheWebhookSecretToAHerokuApp_inOnePatch_whenConfigured(
      @TempDir Path work, HerokuStandIn heroku) throws Exception {
    heroku.createApp("demo-app", java.util.Map.of("UNMANAGED", "kept"));
    Path tokenFile = work.resolve("token");
    Files.writeString(tokenFile, SeededSecrets.register(heroku.defaultToken()));

    CliResult result =
        Cli.run(
            "demo",
            "--inventory",
            EXAMPLE,
            "--work-dir",
            work.toString(),
            "--heroku-app",
            "demo-app",
            "--heroku-api-url",
            heroku.baseUrl().toString(),
            "--heroku-api-key-file",
            tokenFile.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Sync to Heroku app demo-app")
        // the Heroku sink's release is confirmed by the sync's poll: the life cycle gets past it
        .containsPattern("-> published \\+\\S+ s -> confirmed \\+\\S+ s -> retired \\+");
    assertThat(heroku.count("PATCH", "/apps/demo-app/config-vars")).isEqualTo(1);
    assertThat(heroku.releases("demo-app")).hasSize(2);
    assertThat(heroku.configVars("demo-app").keySet())
        .containsExactlyInAnyOrder(WEBHOOK_VAR, "UNMANAGED");
    String published = SeededSecrets.register(heroku.configVars("demo-app").get(WEBHOOK_VAR));
    assertThat(result.all().contains(published)).as("demo output shows the secret value").isFalse();
  }
}
