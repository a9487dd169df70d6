package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.FREESCOUT;
import static dev.keyturn.cli.support.CliWorld.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord.StepUpdate;
import dev.keyturn.state.RotationStore;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code keyturn status} shows each entry's last rotation's life-cycle stage and its age, and a
 * rotation not confirmed within the deadline (24h by default) as {@code STUCK}.
 */
@WithLocalAws
class StatusLifecycleTest {

  static ApplicationContext table;

  @BeforeAll
  static void seed(LocalAws aws) {
    CliWorld.seed(aws);
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
    RotationStore rotations = table.getBean(RotationStore.class);
    Instant now = Instant.now();
    // FreeScout's rotation finished 30 hours ago and nothing confirmed it
    complete(rotations, FREESCOUT, "ssm-v7", "7", now.minus(Duration.ofHours(30)));
    // Slack's finished 3 hours ago and was published 2 hours ago
    complete(rotations, SLACK, "tok-slack", "tok-slack", now.minus(Duration.ofHours(3)));
    rotations.advance(SLACK, "tok-slack", LifecycleStage.PUBLISHED, now.minus(Duration.ofHours(2)));
  }

  private static void complete(
      RotationStore rotations, String name, String token, String version, Instant at) {
    rotations.recordStep(new StepUpdate(name, token, "finishSecret", "completed", at, null));
    rotations.recordRotated(name, token, version, at);
  }

  @AfterAll
  static void close() {
    table.close();
  }

  @Test
  void status_showsTheStageAndItsAge_andAStuckRotation_within120Columns() {
    CliResult r = Cli.run("status");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    assertThat(r.out().lines().filter(l -> l.startsWith(FREESCOUT)))
        .singleElement()
        .asString()
        .contains("finished 30h STUCK");
    assertThat(r.out().lines().filter(l -> l.startsWith(SLACK)))
        .singleElement()
        .asString()
        .contains("published 2h")
        .doesNotContain("STUCK");
    assertThat(r.out()).contains(", 1 stuck before confirmed");
  }

  @Test
  void status_wide_hasAStageColumn() {
    CliResult r = Cli.run("status", "--wide");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("STAGE", "finished 30h STUCK", "published 2h");
  }

  @Test
  void status_json_carriesStageVersionSinceAgeAndStuck() throws Exception {
    CliResult r = Cli.run("status", "--json");
    List<Map<String, Object>> rows = Json.MAPPER.readValue(r.out(), new TypeReference<>() {});

    Map<String, Object> fs = lifecycle(rows, FREESCOUT);
    assertThat(fs)
        .containsEntry("stage", "finished")
        .containsEntry("version", "7")
        .containsEntry("stuck", true)
        .containsKey("since");
    assertThat(((Number) fs.get("ageSeconds")).longValue()).isBetween(30 * 3600L, 31 * 3600L);
    assertThat(lifecycle(rows, SLACK))
        .containsEntry("stage", "published")
        .containsEntry("stuck", false);
    assertThat(rows.stream().filter(row -> CliWorld.HMAC.equals(row.get("name"))).findFirst())
        .hasValueSatisfying(row -> assertThat(row.get("lifecycle")).isNull());
  }

  @Test
  void status_query_selectsTheStuckRotations() {
    CliResult r =
        Cli.run("status", "--output", "text", "--query", "[?lifecycle.stuck==`true`].name");

    assertThat(r.out().lines()).containsExactly(FREESCOUT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lifecycle(List<Map<String, Object>> rows, String name) {
    return (Map<String, Object>)
        rows.stream()
            .filter(row -> name.equals(row.get("name")))
            .findFirst()
            .orElseThrow()
            .get("lifecycle");
  }
}
