package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.ALPACA;
import static dev.keyturn.cli.support.CliWorld.ALPACA_ID;
import static dev.keyturn.cli.support.CliWorld.FREESCOUT;
import static dev.keyturn.cli.support.CliWorld.FREESCOUT_ID;
import static dev.keyturn.cli.support.CliWorld.HMAC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.cli.support.PublishedEvents;
import dev.keyturn.cli.support.ScriptedTerminal;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator-assisted rotation through the CLI against the local AWS: the value a person pipes in
 * goes through the same steps as a generated one, leaves a retire-at-vendor task, and never shows
 * up in output, logs, the table or the events (every piped value is a registered seeded secret).
 */
@WithLocalAws
class OperatorRotationCommandTest {

  static CliWorld world;
  static PublishedEvents events;

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
    events = PublishedEvents.capture("kt-cli-operator-events");
  }

  @Test
  void fromStdin_rotatesAJsonPair_throughTheFourSteps_andLeavesARetireTaskUntilRetired() {
    String before = world.currentVersion(ALPACA_ID);
    String pair = CliWorld.alpacaPair();

    CliResult r = Cli.runWithStdin(pair + "\n", "rotate", ALPACA, "--from-stdin");

    String token = world.currentVersion(ALPACA_ID);
    String due = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("rotate " + ALPACA + " (mode operator, value from stdin)")
        .containsSubsequence(
            "putSecretValue", "createSecret", "already-created", "testSecret", "finishSecret")
        .contains("rotated " + ALPACA + ": version " + token + " is current (was " + before + ")")
        .contains(
            "to do: revoke the old Alpaca key at https://app.alpaca.markets (Account > API) by "
                + due
                + "; then keyturn retired "
                + ALPACA);
    assertThat(world.secretValue(ALPACA_ID)).isEqualTo(pair);
    assertThat(world.stages(ALPACA_ID).get(before)).containsExactly("AWSPREVIOUS");
    assertThat(world.stages(ALPACA_ID).values()).noneMatch(s -> s.contains("AWSPENDING"));
    // SecretRotated reaches the bus as for a generated value (sync and the webhook follow it)
    List<String> published = events.awaitContaining(token, Duration.ofSeconds(20));
    assertThat(published).anySatisfy(e -> assertThat(e).contains("SecretRotated", ALPACA, token));
    assertThat(published)
        .allSatisfy(e -> SeededSecrets.values().forEach(v -> assertThat(e).doesNotContain(v)));
    // the audit trail has every step, as for a generated value
    CliResult audit = Cli.run("audit", "--secret", ALPACA, "--since", "1h");
    assertThat(audit.out())
        .contains(
            "rotation.createSecret", "rotation.testSecret", "rotation.finishSecret", "retire.task");

    List<Map<String, Object>> status = json("status", "--json");
    CliResult table = Cli.run("status");
    CliResult retired = Cli.run("retired", ALPACA);
    CliResult again = Cli.run("retired", ALPACA);
    CliResult after = Cli.run("status");

    assertThat(row(status, ALPACA).get("retireTasks"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .singleElement()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("oldVersion", before)
        .containsEntry("newVersion", token)
        .containsEntry("overdue", false);
    assertThat(table.out())
        .contains("Retire at the vendor (then: keyturn retired NAME):")
        .contains("  " + ALPACA + ": revoke the old Alpaca key at https://app.alpaca.markets")
        .containsPattern("[1-9] to retire at the vendor \\(0 overdue\\)");
    assertThat(retired.exit()).as(retired.toString()).isZero();
    assertThat(retired.out())
        .contains("closed: " + ALPACA + ": revoke the old Alpaca key", "version " + token);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains(ALPACA + " has no open retire task");
    assertThat(after.out()).doesNotContain(ALPACA + ": revoke");
  }

  @Test
  void fromStdin_onATerminal_asksTwiceWithoutEcho_thenRotates_andRetiredClosesItsTaskAsJson() {
    String before = world.currentVersion(ALPACA_ID);
    String pair = CliWorld.alpacaPair();
    ScriptedTerminal mistyped = ScriptedTerminal.answering(pair, CliWorld.alpacaPair());
    ScriptedTerminal person = ScriptedTerminal.answering(pair, pair);

    CliResult differ = Cli.runOnTerminal(mistyped, "rotate", ALPACA, "--from-stdin");
    assertThat(world.currentVersion(ALPACA_ID)).isEqualTo(before);
    CliResult r = Cli.runOnTerminal(person, "rotate", ALPACA, "--from-stdin", "--output", "json");
    String token = world.currentVersion(ALPACA_ID);
    CliResult retired = Cli.run("retired", ALPACA, "--output", "json");

    assertThat(differ.exit()).isEqualTo(2);
    assertThat(differ.err()).contains("the two values typed for " + ALPACA + " differ");
    assertThat(person.prompts())
        .containsExactly("new value for " + ALPACA + " (input hidden): ", "again, to confirm: ");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Json.map(r.out()))
        .containsEntry("outcome", "rotated")
        .containsEntry("rotationMode", "operator")
        .containsEntry("version", token);
    assertThat(token).isNotEqualTo(before);
    assertThat(world.secretValue(ALPACA_ID)).isEqualTo(pair);
    assertThat(retired.exit()).as(retired.toString()).isZero();
    List<Map<String, Object>> closed;
    try {
      closed = Json.MAPPER.readValue(retired.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("not a JSON array: " + retired.out(), e);
    }
    assertThat(closed)
        .anySatisfy(t ->
            assertThat(t)
                .containsEntry("name", ALPACA)
                .containsEntry("vendor", "Alpaca")
                .containsEntry("newVersion", token)
                .containsEntry("oldVersion", before)
                .containsKey("closedAt"));
  }

  @Test
  void fromStdin_refusesTheCurrentValue_andAnotherShape_andChangesNothing() {
    String current = world.secretValue(ALPACA_ID);
    var stagesBefore = world.stages(ALPACA_ID);
    String wrongShape =
        SeededSecrets.register("{\"key\":\"" + SeededSecrets.generate("alpaca-key") + "\"}");

    CliResult same = Cli.runWithStdin(current, "rotate", ALPACA, "--from-stdin");
    CliResult shape = Cli.runWithStdin(wrongShape, "rotate", ALPACA, "--from-stdin");
    CliResult empty = Cli.runWithStdin("\n", "rotate", ALPACA, "--from-stdin");

    assertThat(same.exit()).isEqualTo(1);
    assertThat(same.err()).contains("is the current one: create a new credential at the vendor");
    assertThat(shape.exit()).isEqualTo(1);
    assertThat(shape.err())
        .contains("the JSON object has the keys [key]; the current value has [key_id, secret_key]");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("no value for " + ALPACA + " (the input is empty)");
    assertThat(world.stages(ALPACA_ID)).isEqualTo(stagesBefore);
  }

  @Test
  void fromStdin_onAnSsmEntry_putsANewVersion_andTheSweepsTrail() {
    long before = world.parameterVersion(FREESCOUT_ID);
    String token = SeededSecrets.generate("freescout-new");

    CliResult r = Cli.runWithStdin(token, "rotate", FREESCOUT, "--from-stdin", "--json");

    assertThat(r.exit()).as(r.toString()).isZero();
    Map<String, Object> json = Json.map(r.out());
    assertThat(json)
        .containsEntry("outcome", "rotated")
        .containsEntry("mode", "supplied")
        .containsEntry("rotationMode", "operator")
        .containsEntry("version", Long.toString(before + 1));
    assertThat((String) json.get("retireTask"))
        .startsWith("revoke the old FS key at the vendor's dashboard by");
    assertThat(world.parameterValue(FREESCOUT_ID)).isEqualTo(token);
  }

  @Test
  void anOperatorEntry_withoutAValue_isRefused_namingTheVendorsDashboard() {
    String before = world.currentVersion(ALPACA_ID);

    CliResult r = Cli.run("rotate", ALPACA, "--in-process");
    CliResult dryRun = Cli.runWithStdin("not read", "rotate", ALPACA, "--from-stdin", "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("cannot rotate " + ALPACA + ": it is operator-assisted (no generator)")
        .contains("https://app.alpaca.markets (Account > API)", "--from-stdin");
    assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out())
        .contains("mode:      operator", "PutSecretValue of a new version labelled AWSPENDING")
        .contains("retire:    record: revoke the old Alpaca key", "dry run: nothing changed");
    assertThat(world.currentVersion(ALPACA_ID)).isEqualTo(before);
  }

  @Test
  void fromStdin_onAGeneratedEntry_isRefused_keyturnMakesItsValue() {
    String value = SeededSecrets.generate("not-for-hmac");

    CliResult r = Cli.runWithStdin(value, "rotate", HMAC, "--from-stdin");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("cannot rotate " + HMAC + " to a supplied value: its mode is generated");
  }

  private static List<Map<String, Object>> json(String... args) {
    CliResult r = Cli.run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
    try {
      return Json.MAPPER.readValue(r.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("not a JSON array", e);
    }
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String name) {
    return rows.stream().filter(r -> name.equals(r.get("name"))).findFirst().orElseThrow();
  }
}
