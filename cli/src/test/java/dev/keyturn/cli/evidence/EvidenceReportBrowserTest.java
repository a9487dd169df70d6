package dev.keyturn.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditKind;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionTally;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.cli.support.HeadlessChromium;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.dynamodb.DynamoRejectionCounts;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * The report as a person sees it: report.html rendered by a real headless Chromium, its DOM
 * compared with the bundle's JSON, its filters used, and a screenshot saved as
 * target/evidence-report.png.
 */
@WithLocalAws
class EvidenceReportBrowserTest {

  static Path bundle;
  static HeadlessChromium chromium;
  static Map<String, Object> summary;
  static List<Map<String, Object>> matrix;
  static List<Map<String, Object>> audit;

  @BeforeAll
  static void export(LocalAws aws, @TempDir Path dir) throws Exception {
    CliWorld.seed(aws);
    try (ApplicationContext table =
        ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE))) {
      table
          .getBean(RotationStore.class)
          .recordRotated(
              CliWorld.HMAC, "t-old", "v-old", Instant.now().minus(Duration.ofDays(100)));
      AuditLog log = table.getBean(AuditLog.class);
      Instant now = Instant.now();
      // a page to render, not a rotation: EvidenceQuarterTest has the protocol fail for real
      log.record(
          AuditEvent.of(now, "keyturn-rotate", "rotation.setSecret", CliWorld.ALPACA, "failed"));
      // a rejection tally as the webhook function writes it (EvidenceQuarterTest drives the
      // function itself): one item standing for three rejections
      Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
      new DynamoRejectionCounts(table.getBean(StateTable.class))
          .add(
              new RejectionTally(
                  "stripe",
                  minute,
                  "keyturn-webhook",
                  Map.of("SIGNATURE_MISMATCH", 2L, "MISSING_SIGNATURE", 1L),
                  "r-1",
                  now,
                  "r-3",
                  now));
    }
    assertThat(Cli.run("run", "--env", "dev", "--", "true").exit()).isZero();
    String key;
    try (KmsClient kms = KmsClient.create()) {
      key = EvidenceCommandTest.signingKey(kms, KeySpec.ECC_NIST_P256);
    }
    bundle = dir.resolve("bundle");
    CliResult r =
        Cli.run("evidence", "--since", "7d", "--out", bundle.toString(), "--kms-key", key);
    assertThat(r.exit()).as(r.toString()).isZero();
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
  void summaryCounts_matchTheJson() throws Exception {
    for (String[] card :
        new String[][] {
          {"entries", "entries"},
          {"overdue", "overdue"},
          {"failed-rotations", "failedRotations"},
          {"unconfirmed-syncs", "unconfirmedSyncs"},
          {"audit-events", "auditEvents"},
          {"webhook-rejections", "webhookRejections"}
        }) {
      JsonNode shown =
          chromium.evaluate("document.querySelector('#count-" + card[0] + " .n').textContent");
      assertThat(shown.asText()).as(card[0]).isEqualTo(String.valueOf(summary.get(card[1])));
    }
    assertThat(summary.get("overdue")).isEqualTo(1);
    assertThat(summary.get("failedRotations")).isEqualTo(1);
    assertThat(summary.get("webhookRejections")).isEqualTo(3);
    JsonNode modes =
        chromium.evaluate(
            "Object.fromEntries([...document.querySelectorAll('#by-mode li')]"
                + ".map(li => [li.dataset.mode, Number(li.dataset.count)]))");
    assertThat(Json.MAPPER.convertValue(modes, Map.class)).isEqualTo(summary.get("entriesByMode"));
  }

  @Test
  void rejectionsTable_showsTheTallysCountsBySourceAndReason() throws Exception {
    JsonNode rows =
        chromium.evaluate(
            "[...document.querySelectorAll('#rejections tbody tr')]"
                + ".map(r => [...r.cells].map(c => c.textContent).join('|'))");

    assertThat(Json.MAPPER.convertValue(rows, List.class))
        .containsExactly(
            "stripe|MISSING_SIGNATURE|1", "stripe|SIGNATURE_MISMATCH|2", "stripe|all reasons|3");
    assertThat(summary.get("webhookRejectionsBySource"))
        .isEqualTo(Map.of("stripe", Map.of("MISSING_SIGNATURE", 1, "SIGNATURE_MISMATCH", 2)));
  }

  @Test
  void theChart_hasOneMarkPerEntry() throws Exception {
    JsonNode marks =
        chromium.evaluate(
            "[...document.querySelectorAll('#age-chart circle.mark')].map(c => c.dataset.entry)");
    Set<Object> names = matrix.stream().map(r -> r.get("name")).collect(Collectors.toSet());

    assertThat(marks).hasSize(matrix.size());
    assertThat(Json.MAPPER.convertValue(marks, List.class))
        .containsExactlyInAnyOrderElementsOf(names);
    JsonNode overdue =
        chromium.evaluate(
            "[...document.querySelectorAll('#age-chart circle.mark[data-overdue=\"true\"]')]"
                + ".map(c => c.dataset.entry)");
    assertThat(Json.MAPPER.convertValue(overdue, List.class)).containsExactly(CliWorld.HMAC);
  }

  @Test
  void filters_showOnlyTheMatchingEvents() throws Exception {
    long reads =
        audit.stream()
            .filter(e -> AuditKind.of((String) e.get("action")) == AuditKind.READ)
            .count();
    assertThat(reads).isPositive();

    assertThat(visibleAfter("'read'", "''")).isEqualTo(reads);
    assertThat(chromium.evaluate("document.getElementById('audit-shown').textContent").asText())
        .isEqualTo(String.valueOf(reads));
    long stripeReads =
        audit.stream()
            .filter(e -> "secret.read".equals(e.get("action")))
            .filter(e -> CliWorld.STRIPE.equals(e.get("subject")))
            .count();
    assertThat(visibleAfter("'read'", "'" + CliWorld.STRIPE + "'")).isEqualTo(stripeReads);
    assertThat(visibleAfter("'webhook'", "''")).isEqualTo(1);
    assertThat(visibleAfter("''", "''")).isEqualTo(audit.size());
  }

  @Test
  void thePage_loadsNothingFromOutside_andShowsNoValue() throws Exception {
    assertThat(chromium.evaluate("performance.getEntriesByType('resource').length").asInt())
        .isZero();
    assertThat(
            chromium
                .evaluate(
                    "[...document.querySelectorAll('[src],[href],link,iframe,object,embed')].length")
                .asInt())
        .isZero();
  }

  @Test
  void aScreenshotIsSaved() throws Exception {
    Path png = Path.of("target", "evidence-report.png");
    Files.deleteIfExists(png);

    chromium.screenshot(png, 1280);

    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(10_000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }

  /** Sets the kind and entry filters as a person would and counts the rows left visible. */
  private static long visibleAfter(String kind, String entry) throws Exception {
    return chromium
        .evaluate(
            "(() => { const k = document.getElementById('filter-kind');"
                + " const e = document.getElementById('filter-entry');"
                + " k.value = "
                + kind
                + "; k.dispatchEvent(new Event('change'));"
                + " e.value = "
                + entry
                + "; e.dispatchEvent(new Event('input'));"
                + " return [...document.querySelectorAll('#audit tbody tr')]"
                + ".filter(r => !r.hidden && r.offsetParent !== null).length; })()")
        .asLong();
  }
}
