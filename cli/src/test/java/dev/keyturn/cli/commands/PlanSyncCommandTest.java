package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithLocalAws
@WithHerokuStandIn
class PlanSyncCommandTest {

  static CliWorld world;
  HerokuStandIn heroku;
  List<String> herokuOptions;

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
  }

  @BeforeEach
  void app(HerokuStandIn standIn) {
    heroku = standIn;
    heroku.createApp(APP, Map.of("UNMANAGED", "left-alone"));
    herokuOptions = world.herokuOptions(standIn);
  }

  @Test
  void plan_showsEveryVarToSet_masked_andSendsNothing() {
    CliResult r = run("plan");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(APP + ": 2 to set", "SESSION_HMAC", "STRIPE_KEY", "(dry run: nothing sent")
        .contains("k***", " chars)");
    assertThat(heroku.count("PATCH", "/apps/" + APP + "/config-vars")).isZero();
    assertThat(heroku.configVars(APP)).containsOnlyKeys("UNMANAGED");
  }

  @Test
  @SuppressWarnings("unchecked")
  void plan_json_namesChangesWithSourceVersions_andMaskedValues() {
    CliResult r = run("plan", "--app", APP, "--json");

    assertThat(r.exit()).as(r.toString()).isZero();
    Map<String, Object> heroku = (Map<String, Object>) Json.map(r.out()).get("heroku");
    List<Map<String, Object>> apps = (List<Map<String, Object>>) heroku.get("apps");
    assertThat(apps)
        .singleElement()
        .satisfies(a -> assertThat(a.get("outcome")).isEqualTo("planned"));
    List<Map<String, Object>> changes =
        (List<Map<String, Object>>)
            ((Map<String, Object>) apps.getFirst().get("plan")).get("changes");
    assertThat(changes)
        .extracting(c -> c.get("var"))
        .containsExactlyInAnyOrder("SESSION_HMAC", "STRIPE_KEY");
    assertThat(changes)
        .allSatisfy(c -> {
          assertThat(c.get("sourceVersion")).isNotNull();
          assertThat((String) c.get("next")).contains("***");
        });
  }

  @Test
  void sync_publishesInOnePatch_thenASecondSyncChangesNothing() {
    CliResult first = run("sync");
    CliResult second = run("sync", "--app", APP);

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.out()).contains(APP, "patched", "set SESSION_HMAC, STRIPE_KEY", "release v2");
    assertThat(heroku.hasConfigVar(APP, "SESSION_HMAC", world.secretValue(CliWorld.HMAC_ID)))
        .isTrue();
    assertThat(heroku.hasConfigVar(APP, "STRIPE_KEY", world.parameterValue(CliWorld.STRIPE_ID)))
        .isTrue();
    assertThat(heroku.hasConfigVar(APP, "UNMANAGED", "left-alone")).isTrue();
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("unchanged");
    assertThat(heroku.count("PATCH", "/apps/" + APP + "/config-vars")).isEqualTo(1);
  }

  @Test
  void sync_oneSecret_touchesOnlyItsVar() {
    CliResult r = run("sync", "--secret", CliWorld.HMAC);

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(heroku.configVars(APP)).containsOnlyKeys("UNMANAGED", "SESSION_HMAC");
  }

  @Test
  void sync_withDotenv_writesTheEnvFiles_andPrintsNamesOnly(@TempDir Path base) throws Exception {
    Files.writeString(base.resolve(".env.local"), "# mine\nOTHER=1\n");

    CliResult r = run("sync", "--dotenv", "--base-dir", base.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("dotenv", ".env.local", "set SESSION_HMAC, STRIPE_RESTRICTED_KEY");
    String env = Files.readString(base.resolve(".env.local"));
    assertThat(env).startsWith("# mine\nOTHER=1\n");
    assertThat(env.contains("SESSION_HMAC=\"" + world.secretValue(CliWorld.HMAC_ID) + "\""))
        .isTrue();
    assertThat(
            env.contains(
                "STRIPE_RESTRICTED_KEY=\"" + world.parameterValue(CliWorld.STRIPE_ID) + "\""))
        .isTrue();
  }

  @Test
  void sync_dotenvOnly_needsNoHerokuToken(@TempDir Path base) {
    CliResult r = Cli.run("sync", "--no-heroku", "--dotenv", "--base-dir", base.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.exists(base.resolve(".env.local"))).isTrue();
    assertThat(heroku.count("GET", "/apps/" + APP + "/config-vars")).isZero();
  }

  @Test
  void plan_withDotenv_reportsKeysToWrite_andWritesNothing(@TempDir Path base) {
    CliResult r = run("plan", "--no-heroku", "--dotenv", "--base-dir", base.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("would set SESSION_HMAC, STRIPE_RESTRICTED_KEY");
    assertThat(Files.exists(base.resolve(".env.local"))).isFalse();
  }

  @Test
  void plan_withoutAHerokuToken_isAUsageError() {
    CliResult r = Cli.run("plan");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no Heroku token", "HEROKU_API_TOKEN_SECRET");
  }

  @Test
  void sync_ofAnUnknownSecret_failsNamingIt() {
    CliResult r = run("sync", "--secret", "NOPE_NOT_THERE");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no inventory entry named NOPE_NOT_THERE");
    assertThat(heroku.count("PATCH", "/apps/" + APP + "/config-vars")).isZero();
  }

  @Test
  void sync_reportsAnAppItCannotReach_andExitsOne() {
    heroku.failNext(8, 503);

    CliResult r = run("sync", "--app", APP);

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("failed", "heroku:503");
    assertThat(r.err().lines().filter(l -> l.contains("Exception"))).isEmpty();
  }

  @Test
  void plan_thatCannotReachHeroku_saysItFailed_andExitsOne() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<String> options = new ArrayList<>(herokuOptions);
    options.set(options.indexOf("--heroku-api-url") + 1, "http://127.0.0.1:" + closedPort);
    List<String> args = new ArrayList<>(List.of("plan", "--app", APP));
    args.addAll(options);

    CliResult r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("plan failed for 1 of 1 target (" + APP + ")")
        .doesNotContain("0 changes");
    assertThat(r.err())
        .contains("keyturn: the plan failed: app " + APP + " at http://127.0.0.1:" + closedPort);
  }

  private CliResult run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(herokuOptions);
    return Cli.run(all.toArray(String[]::new));
  }
}
