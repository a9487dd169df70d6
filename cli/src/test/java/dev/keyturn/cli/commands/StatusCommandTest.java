package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.ALPACA;
import static dev.keyturn.cli.support.CliWorld.APP;
import static dev.keyturn.cli.support.CliWorld.FREESCOUT;
import static dev.keyturn.cli.support.CliWorld.HMAC;
import static dev.keyturn.cli.support.CliWorld.HMAC_ID;
import static dev.keyturn.cli.support.CliWorld.SLACK;
import static dev.keyturn.cli.support.CliWorld.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.RotationStore;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithLocalAws
@WithHerokuStandIn
class StatusCommandTest {

  static CliWorld world;
  static ApplicationContext table;

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
    // keyturn rotated the HMAC secret 100 days ago: with a 90d cadence it is due
    table
        .getBean(RotationStore.class)
        .recordRotated(HMAC, "t-old", "v-old", Instant.now().minus(Duration.ofDays(100)));
  }

  @AfterAll
  static void close() {
    table.close();
  }

  @Test
  void status_wide_printsOneRowPerSink_withSourceCadenceDatesSyncAndRelease() {
    CliResult r = Cli.run("status", "--wide");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("NAME", "SOURCE", "CADENCE", "LAST ROTATED", "NEXT DUE", "ROTATING", "EXPIRES")
        .contains("SINK", "LAST SYNC", "RELEASE", "DRIFT")
        .contains(HMAC, STRIPE, FREESCOUT, ALPACA, SLACK)
        .contains("sm:" + HMAC_ID, "ssm:" + CliWorld.STRIPE_ID)
        .contains("heroku kt-cli-web SESSION_HMAC", "dotenv .env.local STRIPE_RESTRICTED_KEY")
        .contains("(source)", " DUE")
        .contains("5 entries, 1 due, 1 expiring, ");
  }

  @Test
  void status_fitsA120ColumnTerminal_withTheColumnsAGlanceNeeds() {
    CliResult r = Cli.run("status");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    assertThat(r.out())
        .contains("NAME", "CADENCE", "LAST ROTATED", "NEXT DUE", "EXPIRES", "STATE", "DRIFT")
        .contains("  -> heroku kt-cli-web SESSION_HMAC", "  -> dotenv .env.local SESSION_HMAC")
        .doesNotContain("LAST SYNC", "RELEASE", "sm:" + HMAC_ID)
        .contains(HMAC, STRIPE, FREESCOUT, ALPACA, SLACK, " DUE", "*")
        .contains("* when the source last changed")
        .contains("5 entries, 1 due, 1 expiring, ");
  }

  @Test
  void status_query_selectsFields_andTextPrintsThemOnePerLine() {
    CliResult names =
        Cli.run("status", "--query", "[?rotation.due==`true`].name", "--output", "text");
    CliResult picked =
        Cli.run("status", "--query", "[?name=='" + STRIPE + "'].{n: name, v: source.version}");

    assertThat(names.exit()).as(names.toString()).isZero();
    assertThat(names.out().lines()).containsExactly(HMAC);
    assertThat(picked.out().strip()).isEqualTo("[{\"n\":\"" + STRIPE + "\",\"v\":\"1\"}]");
  }

  @Test
  void status_json_carriesVersionsAndDates_neverValues() {
    List<Map<String, Object>> rows = json("status", "--json");

    Map<String, Object> hmac = row(rows, HMAC);
    assertThat(map(hmac, "source")).containsEntry("version", world.currentVersion(HMAC_ID));
    assertThat(map(hmac, "rotation"))
        .containsEntry("cadence", "90d")
        .containsEntry("lastRotatedBy", "keyturn")
        .containsEntry("due", true);
    Map<String, Object> stripe = row(rows, STRIPE);
    assertThat(map(stripe, "rotation"))
        .containsEntry("lastRotatedBy", "source")
        .containsEntry("due", false);
    assertThat(map(stripe, "source")).containsEntry("version", "1");
  }

  @Test
  void due_listsOnlyEntriesPastTheirCadence() {
    assertThat(names(json("status", "--due", "--json"))).containsExactly(HMAC);
  }

  @Test
  void expiring_listsOnlyEntriesExpiringWithin14Days() {
    List<Map<String, Object>> rows = json("status", "--expiring", "--json");

    assertThat(names(rows)).containsExactly(FREESCOUT);
    assertThat(map(rows.getFirst(), "expiry"))
        .containsEntry("expiring", true)
        .containsEntry("expired", false);
  }

  @Test
  void dueAndExpiring_together_listEntriesThatAreEither() {
    assertThat(names(json("status", "--due", "--expiring", "--json")))
        .containsExactly(FREESCOUT, HMAC);
  }

  @Test
  void drift_followsSyncAndSourceVersions_andCheckHerokuComparesValues(HerokuStandIn heroku) {
    heroku.createApp(APP);
    List<String> options = world.herokuOptions(heroku);
    assertThat(Cli.run(with(options, "sync")).exit()).isZero();

    Map<String, Object> synced = sink(row(json("status", "--json"), HMAC), "heroku");
    String newValue = SeededSecrets.generate("hmac-out-of-band");
    world.secretsManager.putSecretValue(b -> b.secretId(HMAC_ID).secretString(newValue));
    Map<String, Object> behind = sink(row(json("status", "--json"), HMAC), "heroku");
    List<Map<String, Object>> checked = json(with(options, "status", "--check-heroku", "--json"));
    CliResult table = Cli.run(with(options, "status", "--check-heroku"));

    assertThat(synced)
        .containsEntry("drift", "in-sync")
        .containsEntry("releaseVersion", 2)
        .containsKey("lastSync");
    assertThat(behind).containsEntry("drift", "behind");
    assertThat(sink(row(checked, HMAC), "heroku")).containsEntry("herokuMatches", false);
    assertThat(sink(row(checked, STRIPE), "heroku")).containsEntry("herokuMatches", true);
    assertThat(table.out())
        .contains("-> heroku kt-cli-web SESSION_HMAC  behind  heroku matches: no")
        .contains("-> heroku kt-cli-web STRIPE_KEY  in-sync  heroku matches: yes");
  }

  @Test
  void aRotationThatFailedMidway_showsItsVersionStepAndError(LocalAws aws) {
    String lambda = aws.createRotationLambda();
    CliResult failed = Cli.run("rotate", ALPACA, "--in-process", "--rotation-lambda-arn", lambda);

    List<Map<String, Object>> rows = json("status", "--json");
    CliResult table = Cli.run("status");

    assertThat(failed.exit()).isEqualTo(1);
    assertThat(map(row(rows, ALPACA), "inFlight"))
        .containsEntry("step", "createSecret")
        .containsEntry("status", "failed")
        .containsKey("version");
    assertThat((String) map(row(rows, ALPACA), "inFlight").get("error"))
        .startsWith("CorruptCurrentValueException");
    assertThat(row(rows, HMAC).get("inFlight")).isNull();
    assertThat(table.out()).contains("failed at createSecret", "1 mid-rotation");
  }

  @Test
  void checkHeroku_withoutAToken_isAUsageError() {
    CliResult r = Cli.run("status", "--check-heroku");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no Heroku token");
  }

  @Test
  void rotationMatrix_writesAMarkdownTable_toStdoutOrAFile(@TempDir Path dir) throws Exception {
    CliResult stdout = Cli.run("rotation-matrix");
    Path file = dir.resolve("docs/rotation-matrix.md");
    CliResult written = Cli.run("rotation-matrix", "--out", file.toString());

    assertThat(stdout.exit()).as(stdout.toString()).isZero();
    assertThat(stdout.out())
        .contains("| Name | Vendor | Cadence | Consumers | Last rotated | Next due |")
        .contains("|---|---|---|---|---|---|")
        .contains("| " + HMAC + " | RX | 90d | raptor, heroku kt-cli-web, dotenv .env.local |")
        .contains("| " + SLACK + " | SL | 30d | ci |")
        .contains("**due**", "*source*");
    assertThat(written.exit()).isZero();
    assertThat(written.out()).contains("wrote 5 entries to " + file);
    assertThat(Files.readString(file)).contains("| " + FREESCOUT + " | FS | 90d | raptor |");
  }

  private static List<Map<String, Object>> json(String... args) {
    CliResult r = Cli.run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
    try {
      return Json.MAPPER.readValue(r.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("status --json did not print a JSON array", e);
    }
  }

  private static String[] with(List<String> options, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(options);
    return all.toArray(String[]::new);
  }

  private static List<Object> names(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> r.get("name")).toList();
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String name) {
    return rows.stream().filter(r -> name.equals(r.get("name"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> row, String key) {
    return (Map<String, Object>) row.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sink(Map<String, Object> row, String kind) {
    return ((List<Map<String, Object>>) row.get("sinks"))
        .stream().filter(s -> kind.equals(s.get("kind"))).findFirst().orElseThrow();
  }
}
