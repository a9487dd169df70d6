package dev.keyturn.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.audit.AuditKind;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.cli.support.HeadlessChromium;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * A scripted quarter against the emulators, as operators and the functions would live it: apply,
 * reads, a rotation of each mode (generated in Secrets Manager and in SSM, operator from stdin,
 * vendor through moto's IAM), one generated rotation whose protocol fails at createSecret, syncs to
 * Heroku and .env files, and forged deliveries to a known webhook source through the webhook
 * function's real path. Then the bundle: its counts are what the script did, its report shows the
 * same numbers in a real Chromium, it holds no value, and {@code evidence verify} passes and
 * catches each of five tamperings.
 */
@WithLocalAws
@WithHerokuStandIn(resetBeforeEach = false)
class EvidenceQuarterTest {

  /** What the script sent to the known source, by the reason the function rejects it for. */
  static final Map<String, Long> FORGED =
      Map.of("SIGNATURE_MISMATCH", 3L, "MISSING_SIGNATURE", 2L, "TIMESTAMP_OUT_OF_TOLERANCE", 1L);

  static QuarterWorld world;
  static Path bundle;
  static String key;
  static Map<String, Object> summary;
  static List<Map<String, Object>> matrix;
  static List<Map<String, Object>> audit;
  static HeadlessChromium chromium;

  @BeforeAll
  static void liveAQuarter(LocalAws aws, HerokuStandIn heroku, @TempDir Path dir) throws Exception {
    world = QuarterWorld.seed(aws); // apply
    heroku.createApp(CliWorld.APP);
    List<String> herokuOptions = world.cli.herokuOptions(heroku);

    ok("run", "--env", "dev", "--", "true");
    ok("run", "--env", "prod", "--", "true");
    ok("rotate", CliWorld.HMAC, "--in-process"); // generated, Secrets Manager's four steps
    SeededSecrets.register(world.cli.secretValue(CliWorld.HMAC_ID));
    ok("rotate", CliWorld.STRIPE); // generated, SSM
    SeededSecrets.register(world.cli.parameterValue(CliWorld.STRIPE_ID));
    String pair = CliWorld.alpacaPair(); // operator: a person pipes in what Alpaca issued
    CliResult operator = Cli.runWithStdin(pair + "\n", "rotate", CliWorld.ALPACA, "--from-stdin");
    assertThat(operator.exit()).as(operator.toString()).isZero();
    ok("rotate", QuarterWorld.IAM_KEY, "--in-process"); // vendor: moto's IAM issues the key
    world.registerIamKey();
    // generated, but the current value is not the JSON its json-field generator needs
    CliResult failed = Cli.run("rotate", CliWorld.PAIR, "--in-process");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.err()).contains("rotation of " + CliWorld.PAIR + " failed at createSecret");

    List<String> sync = new ArrayList<>(List.of("sync", "--dotenv", "--base-dir", dir.toString()));
    sync.addAll(herokuOptions);
    ok(sync.toArray(String[]::new));

    String forged = QuarterWorld.forgedSecret();
    try (QuarterWorld.Deliveries webhook = new QuarterWorld.Deliveries()) {
      String source = QuarterWorld.SOURCE;
      assertThat(webhook.signed(source, world.signingSecret, Instant.now()))
          .as("the source is configured: its own sender's delivery is accepted")
          .isBetween(200, 299);
      for (int i = 0; i < 3; i++) {
        assertThat(webhook.signed(source, forged, Instant.now())).isEqualTo(401);
      }
      for (int i = 0; i < 2; i++) {
        assertThat(webhook.unsigned(source)).isEqualTo(401);
      }
      assertThat(webhook.signed(source, forged, QuarterWorld.anHourAgo())).isEqualTo(401);
      // a source nobody configured: answered 404, a metric only, never a table write
      assertThat(webhook.unsigned("nobody-configured-this")).isEqualTo(404);
    }

    try (KmsClient kms = KmsClient.create()) {
      key = EvidenceCommandTest.signingKey(kms, KeySpec.RSA_2048);
    }
    bundle = dir.resolve("evidence-q");
    CliResult export =
        Cli.run(
            "evidence",
            "--since",
            "1d",
            "--out",
            bundle.toString(),
            "--kms-key",
            key,
            "--inventory",
            world.cli.inventory.toString(),
            "--template",
            Path.of("..", "template.yaml").toString());
    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.out())
        .contains("failed rotations 1", "webhook rejections 6")
        .contains("webhook rejections of rx-billing: {MISSING_SIGNATURE=2, SIGNATURE_MISMATCH=3,");

    summary = Json.map(Files.readString(bundle.resolve("summary.json")));
    matrix = EvidenceCommandTest.list(bundle.resolve("matrix.json"));
    audit = EvidenceCommandTest.list(bundle.resolve("audit.json"));
    chromium = HeadlessChromium.start();
    chromium.open(bundle.resolve("report.html").toUri());
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theFailedRotation_isTheProtocolsOwnFailureEvent_andTheOnlyOne() {
    List<Map<String, Object>> failures =
        audit.stream()
            .filter(e -> AuditKind.of((String) e.get("action")) == AuditKind.ROTATE)
            .filter(e -> ((String) e.get("outcome")).startsWith("failed"))
            .toList();

    assertThat(failures).hasSize(1);
    assertThat(failures.getFirst())
        .containsEntry("action", "rotation.createSecret")
        .containsEntry("subject", CliWorld.PAIR)
        .containsEntry("outcome", "failed");
    assertThat(detail(failures.getFirst()).get("error")).contains("CorruptCurrentValueException");
    assertThat(((Number) summary.get("failedRotations")).longValue()).isEqualTo(1);
  }

  @Test
  void webhookRejections_areCountedBySourceAndReason_asSent() {
    assertThat(summary.get("webhookRejectionsBySource"))
        .isEqualTo(Map.of(QuarterWorld.SOURCE, toObjects(FORGED)));
    assertThat(((Number) summary.get("webhookRejections")).longValue()).isEqualTo(6);
    // the tallies themselves are in the audit trail: per source and minute, counts by reason
    List<Map<String, Object>> tallies =
        audit.stream().filter(e -> "webhook.rejected".equals(e.get("action"))).toList();
    assertThat(tallies)
        .isNotEmpty()
        .allSatisfy(t ->
            assertThat(t)
                .containsEntry("subject", QuarterWorld.SOURCE)
                .containsEntry("outcome", "aggregate")
                .containsEntry("actor", "keyturn-webhook"));
    Map<String, Long> summed = new TreeMap<>();
    for (Map<String, Object> t : tallies) {
      detail(t)
          .forEach((k, v) -> {
            if (FORGED.containsKey(k)) {
              summed.merge(k, Long.parseLong(v), Long::sum);
            }
          });
    }
    assertThat(summed).isEqualTo(FORGED);
    assertThat(audit).noneMatch(e -> "nobody-configured-this".equals(e.get("subject")));
  }

  @Test
  void eventsByKind_matchTheAuditTable_andWhatTheScriptDid() {
    Map<String, Long> byKind =
        audit.stream()
            .collect(
                Collectors.groupingBy(
                    e -> AuditKind.of((String) e.get("action")).label(),
                    TreeMap::new,
                    Collectors.counting()));

    assertThat(toLongs(summary.get("eventsByKind"))).isEqualTo(byKind);
    assertThat(summary.get("auditEvents")).isEqualTo(audit.size());
    assertThat(byKind).containsEntry("apply", 1L);
    assertThat(byKind.keySet()).contains("read", "rotate", "sync", "webhook");
    assertThat(subjects("rotation.finishSecret"))
        .as("one finished rotation per mode that went through the four steps")
        .contains(CliWorld.HMAC, CliWorld.ALPACA, QuarterWorld.IAM_KEY)
        .doesNotContain(CliWorld.PAIR);
    assertThat(subjects("secret.read")).contains(CliWorld.STRIPE, CliWorld.HMAC);
    assertThat(audit)
        .filteredOn(e -> AuditKind.of((String) e.get("action")) == AuditKind.SYNC)
        .extracting(e -> e.get("subject"))
        .isNotEmpty();
  }

  @Test
  void theMatrix_hasEveryMode_andTheSummaryCountsIt() {
    assertThat(toLongs(summary.get("entriesByMode")))
        .isEqualTo(
            matrix.stream()
                .collect(
                    Collectors.groupingBy(
                        r -> (String) r.get("mode"), TreeMap::new, Collectors.counting())))
        .containsKeys("generated", "operator", "vendor");
    assertThat(mode(QuarterWorld.IAM_KEY)).isEqualTo("vendor");
    assertThat(mode(CliWorld.ALPACA)).isEqualTo("operator");
    assertThat(summary).containsEntry("lintErrors", 0);
  }

  @Test
  void theReport_showsTheSameNumbers_inChromium() throws Exception {
    for (String[] card :
        new String[][] {
          {"failed-rotations", "failedRotations"},
          {"webhook-rejections", "webhookRejections"},
          {"audit-events", "auditEvents"},
          {"unconfirmed-syncs", "unconfirmedSyncs"},
          {"entries", "entries"}
        }) {
      assertThat(text("#count-" + card[0] + " .n"))
          .as(card[0])
          .isEqualTo(String.valueOf(summary.get(card[1])));
    }
    assertThat(text("#count-failed-rotations .n")).isEqualTo("1");
    assertThat(text("#count-webhook-rejections .n")).isEqualTo("6");
    JsonNode rows =
        chromium.evaluate(
            "[...document.querySelectorAll('#rejections tbody tr:not(.total)')]"
                + ".map(r => [r.dataset.source, r.dataset.reason, Number(r.cells[2].textContent)])");
    Map<String, Long> shown = new TreeMap<>();
    for (JsonNode row : rows) {
      assertThat(row.get(0).asText()).isEqualTo(QuarterWorld.SOURCE);
      shown.put(row.get(1).asText(), row.get(2).asLong());
    }
    assertThat(shown).isEqualTo(FORGED);
    assertThat(text("#rejections tr.total td:last-child")).isEqualTo("6");
    JsonNode failedRows =
        chromium.evaluate(
            "[...document.querySelectorAll('#audit tbody tr[data-kind=\"rotate\"]')]"
                + ".filter(r => r.cells[5].textContent.startsWith('failed'))"
                + ".map(r => r.dataset.entry)");
    assertThat(Json.MAPPER.convertValue(failedRows, List.class)).containsExactly(CliWorld.PAIR);

    Path png = Path.of("target", "evidence-quarter.png");
    Files.deleteIfExists(png);
    chromium.screenshot(png, 1280);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  @Test
  void theBundle_holdsNoValue_andVerifies() throws IOException {
    for (Path f : EvidenceCommandTest.files(bundle)) {
      String text = Files.readString(f);
      for (String secret : SeededSecrets.values()) {
        assertThat(text.contains(secret)).as("a value in " + f.getFileName()).isFalse();
      }
    }
    CliResult verified = Cli.run("evidence", "verify", bundle.toString());
    assertThat(verified.exit()).as(verified.toString()).isZero();
  }

  @ParameterizedTest
  @EnumSource(BundleTampering.class)
  void verify_namesEachTampering_ofTheQuarter(BundleTampering tampering, @TempDir Path dir)
      throws IOException {
    List<String> args = tampering.applyToACopy(bundle, dir);

    CliResult r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("keyturn: not verified: " + tampering.problem);
  }

  private static String text(String selector) throws Exception {
    return chromium
        .evaluate("document.querySelector('" + selector.replace("'", "\\'") + "').textContent")
        .asText();
  }

  private static List<Object> subjects(String action) {
    return audit.stream()
        .filter(e -> action.equals(e.get("action")))
        .map(e -> e.get("subject"))
        .toList();
  }

  private static String mode(String entry) {
    return matrix.stream()
        .filter(r -> entry.equals(r.get("name")))
        .map(r -> (String) r.get("mode"))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> detail(Map<String, Object> event) {
    return (Map<String, String>) event.getOrDefault("detail", Map.of());
  }

  private static Map<String, Object> toObjects(Map<String, Long> counts) {
    Map<String, Object> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.intValue()));
    return out;
  }

  private static void ok(String... args) {
    CliResult r = Cli.run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> toLongs(Object map) {
    Map<String, Long> out = new TreeMap<>();
    ((Map<String, Object>) map).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
    return out;
  }
}
