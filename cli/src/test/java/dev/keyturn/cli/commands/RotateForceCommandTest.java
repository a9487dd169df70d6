package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.HMAC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A secret signing a FreeScout webhook (no sender API): {@code keyturn rotate} is refused while the
 * sender was last seen signing with an older version, {@code keyturn status} says why and shows the
 * version per source, {@code --force} overrides once (audited with the CLI's STS principal), and a
 * sighting of the current version lets the next rotation through. Steps run in order: each builds
 * on the rotations before it.
 */
@WithLocalAws
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotateForceCommandTest {

  static final String HOOK = "FS_SUPPORT_WEBHOOK";
  static final String HOOK_ID = "kt-cli/fs-support-webhook";
  static final String SOURCE = "fs-support";

  static CliWorld world;
  static ApplicationContext table;
  static SenderSightings sightings;
  static String v1;

  @BeforeAll
  static void seed(LocalAws aws) {
    try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.create()) {
      sm.createSecret(b -> b.name(HOOK_ID).secretString(SeededSecrets.generate("fs-hook")));
    }
    world =
        CliWorld.seed(
            aws,
            """
              - name: %s
                source: {secretsManager: %s}
                tags: {function: session-signing, sensitivity: high, consumer: raptor, rotation: 90d}
                environments: [prod]
                generator: {type: hmac-key, format: hex}
                expiresAt: non-expiring
                scopes: [support webhook]
            webhooks:
              - source: %s
                scheme: freescout
                secret: %s
            """
                .formatted(HOOK, HOOK_ID, SOURCE, HOOK));
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
    sightings = table.getBean(SenderSightings.class);
    v1 = world.currentVersion(HOOK_ID);
  }

  @AfterAll
  static void close() {
    table.close();
  }

  private static List<AuditEvent> audited(String action) {
    return table
        .getBean(AuditLog.class)
        .since(Instant.now().minus(Duration.ofHours(1)), HOOK, 100)
        .stream()
        .filter(e -> e.action().equals(action))
        .toList();
  }

  @Test
  @Order(1)
  void firstRotation_goesThrough_theSenderWasNeverSeenAndNothingOlderExists() {
    CliResult r = Cli.run("rotate", HOOK, "--in-process");

    assertThat(r.exit()).as(r.toString()).isZero();
    SeededSecrets.register(world.secretValue(HOOK_ID));
    assertThat(world.currentVersion(HOOK_ID)).isNotEqualTo(v1);
  }

  @Test
  @Order(2)
  void secondRotation_isRefused_andStatusSaysWhy_whileTheSenderSignsWithThePreviousVersion() {
    String v2 = world.currentVersion(HOOK_ID);
    sightings.record(SOURCE, v1, Instant.now().minus(Duration.ofHours(2)));

    CliResult r = Cli.run("rotate", HOOK, "--in-process");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.all())
        .contains("sender of fs-support last signed with version " + v1 + " (2h ago)")
        .contains("--force");
    assertThat(world.currentVersion(HOOK_ID)).isEqualTo(v2);

    CliResult status = Cli.run("status");
    assertThat(status.out())
        .contains(HOOK + ": sender of fs-support last signed with version " + v1 + " (2h ago)")
        .contains(HOOK + " <- fs-support (freescout, no sender API)")
        .containsPattern("signed with " + v1 + " at \\S+ \\S+ BEHIND")
        .contains(", 1 rotation refused");
    assertThat(status.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));

    JsonNode row = hookRow(Cli.run("status", "--json"));
    assertThat(row.path("refusal").asText()).contains("last signed with version " + v1);
    assertThat(row.path("webhooks").get(0).path("source").asText()).isEqualTo(SOURCE);
    assertThat(row.path("webhooks").get(0).path("lastSignedWith").asText()).isEqualTo(v1);
    assertThat(row.path("webhooks").get(0).path("onCurrent").asBoolean()).isFalse();
  }

  @Test
  @Order(3)
  void force_overridesTheRefusalOnce_auditedWithTheStsPrincipal() {
    String v2 = world.currentVersion(HOOK_ID);

    CliResult r = Cli.run("rotate", HOOK, "--in-process", "--force");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.all()).contains("--force: the next rotation may go past a refusal, once");
    SeededSecrets.register(world.secretValue(HOOK_ID));
    assertThat(world.currentVersion(HOOK_ID)).isNotEqualTo(v2);
    assertThat(audited("rotation.forced"))
        .extracting(AuditEvent::outcome)
        .contains("granted", "refusal-overridden");
    assertThat(audited("rotation.forced"))
        .filteredOn(e -> e.outcome().equals("granted"))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).startsWith("arn:aws:sts::"));

    CliResult again = Cli.run("rotate", HOOK, "--in-process");
    assertThat(again.exit()).as("one shot: " + again).isEqualTo(1);
  }

  @Test
  @Order(4)
  void aSightingOfTheCurrentVersion_letsTheNextRotationThrough() {
    String current = world.currentVersion(HOOK_ID);
    sightings.record(SOURCE, current, Instant.now());

    CliResult r = Cli.run("rotate", HOOK, "--in-process");

    assertThat(r.exit()).as(r.toString()).isZero();
    SeededSecrets.register(world.secretValue(HOOK_ID));
    String rotatedIn = world.currentVersion(HOOK_ID);
    assertThat(Cli.run("status").out())
        .as("the sender is on the version just rotated out: the next one waits for it")
        .contains("last signed with version " + current);
    sightings.record(SOURCE, rotatedIn, Instant.now().plusSeconds(1));
    String status = Cli.run("status").out();
    assertThat(status).doesNotContain("rotation refused");
    assertThat(status.lines()).noneMatch(line -> line.endsWith(" BEHIND"));
  }

  @Test
  @Order(5)
  void force_isAOneLineError_whereNothingCanBeRefused_andWithAll() {
    CliResult none = Cli.run("rotate", HMAC, "--force");
    CliResult all = Cli.run("rotate", "--all", "--force");

    assertThat(none.exit()).isNotZero();
    assertThat(none.err().strip())
        .isEqualTo(
            "keyturn: --force has nothing to override for "
                + HMAC
                + ": it signs no webhook whose sender keyturn cannot reach");
    assertThat(all.exit()).isEqualTo(2);
    assertThat(all.err().lines()).hasSize(1);
  }

  private static JsonNode hookRow(CliResult r) {
    assertThat(r.exit()).as(r.toString()).isZero();
    for (JsonNode row : Json.tree(r.out())) {
      if (row.path("name").asText().equals(HOOK)) {
        return row;
      }
    }
    throw new AssertionError("no status row for " + HOOK + ": " + r.out());
  }
}
