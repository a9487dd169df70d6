package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.json.Json;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code keyturn audit --follow} against DynamoDB Local, with events recorded while it runs. */
@WithLocalAws
class AuditFollowTest {

  static ApplicationContext table;
  static AuditLog audit;

  @BeforeAll
  static void events() {
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
    audit = table.getBean(AuditLog.class);
    audit.record(
        AuditEvent.of(
            Instant.now().minus(Duration.ofHours(1)),
            "keyturn-rotate",
            "rotation.finishSecret",
            "FOLLOWED",
            "ok"));
  }

  @AfterAll
  static void close() {
    table.close();
  }

  @Test
  void follow_printsTheTail_thenEachNewEventOnce_includingOneStampedByASlowerClock()
      throws Exception {
    Cli.Running running =
        Cli.start(
            "audit",
            "--follow",
            "--secret",
            "FOLLOWED",
            "--interval",
            "100ms",
            "--stop-after",
            "6s");
    assertThat(running.awaitOutput("rotation.finishSecret", Duration.ofSeconds(30))).isTrue();

    audit.record(AuditEvent.of(Instant.now(), "keyturn-sync", "sync.patch", "FOLLOWED", "ok"));
    assertThat(running.awaitOutput("sync.patch", Duration.ofSeconds(5))).isTrue();
    audit.record(
        AuditEvent.of(
            Instant.now().minusSeconds(10),
            "keyturn-webhook",
            "webhook.rejected",
            "FOLLOWED",
            "SIGNATURE_MISMATCH"));
    audit.record(AuditEvent.of(Instant.now(), "keyturn-sync", "sync.patch", "SOMEONE_ELSE", "ok"));
    CliResult r = running.await(Duration.ofSeconds(30));

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("following the audit trail for FOLLOWED")
        .containsSubsequence("rotation.finishSecret", "sync.patch", "webhook.rejected")
        .contains("SIGNATURE_MISMATCH")
        .doesNotContain("SOMEONE_ELSE");
    assertThat(occurrences(r.out(), "rotation.finishSecret")).isEqualTo(1);
    assertThat(occurrences(r.out(), "sync.patch")).isEqualTo(1);
    assertThat(occurrences(r.out(), "webhook.rejected")).isEqualTo(1);
  }

  @Test
  void followJson_printsOneJsonObjectPerLine() throws Exception {
    Cli.Running running =
        Cli.start(
            "audit",
            "-f",
            "--json",
            "--secret",
            "FOLLOWED",
            "--interval",
            "100ms",
            "--stop-after",
            "3s");
    assertThat(running.awaitOutput("rotation.finishSecret", Duration.ofSeconds(30))).isTrue();
    CliResult r = running.await(Duration.ofSeconds(30));

    List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .allSatisfy(line -> assertThat(Json.map(line)).containsEntry("subject", "FOLLOWED"));
  }

  @Test
  void stopAfterWithoutFollow_isAUsageError() {
    CliResult r = Cli.run("audit", "--stop-after", "5m");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--interval and --stop-after only go with --follow");
  }

  private static int occurrences(String text, String word) {
    return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
  }
}
