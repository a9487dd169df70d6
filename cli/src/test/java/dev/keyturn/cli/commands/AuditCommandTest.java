package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithLocalAws
class AuditCommandTest {

  static ApplicationContext table;
  static final Instant NOW = Instant.now();

  @BeforeAll
  static void events() {
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
    AuditLog audit = table.getBean(AuditLog.class);
    audit.record(
        AuditEvent.of(
            NOW.minus(Duration.ofDays(3)),
            "keyturn-rotate",
            "rotation.createSecret",
            "OLD_ONE",
            "ok"));
    audit.record(
        AuditEvent.of(
                NOW.minus(Duration.ofHours(3)),
                "keyturn-rotate",
                "rotation.finishSecret",
                "RX_A",
                "ok")
            .withVersions(List.of("v-new", "v-old")));
    audit.record(
        AuditEvent.of(NOW.minus(Duration.ofHours(2)), "keyturn-sync", "sync.patch", "kt-app", "ok")
            .withDetail(Map.of("keys", "A,B", "releaseVersion", "12")));
    audit.record(
        AuditEvent.of(
                NOW.minus(Duration.ofHours(1)),
                "keyturn-rotate",
                "rotation.sweep",
                "RX_A",
                "failed")
            .withDetail(Map.of("error", "ParameterMissingException: RX_A")));
  }

  @AfterAll
  static void close() {
    table.close();
  }

  @Test
  void audit_showsTheLastDayOldestFirst() {
    CliResult r = Cli.run("audit");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsSubsequence("rotation.finishSecret", "sync.patch", "rotation.sweep")
        .contains("v-new,v-old", "keys=A,B releaseVersion=12", "error=ParameterMissingException")
        .contains("3 of 3 events since")
        .doesNotContain("OLD_ONE");
  }

  @Test
  void since_reachesFurtherBack() {
    CliResult r = Cli.run("audit", "--since", "4d");

    assertThat(r.out()).contains("OLD_ONE", "4 of 4 events");
  }

  @Test
  void secret_filtersBySubject() {
    List<Map<String, Object>> events = json("audit", "--secret", "RX_A", "--json");

    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("rotation.finishSecret", "rotation.sweep");
  }

  @Test
  void limit_keepsTheNewest() {
    List<Map<String, Object>> events = json("audit", "--since", "7d", "--limit", "2", "--json");

    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("sync.patch", "rotation.sweep");
  }

  @Test
  void anAbsoluteSince_isAccepted() {
    String since = NOW.minus(Duration.ofMinutes(150)).toString();

    assertThat(json("audit", "--since", since, "--json")).hasSize(2);
  }

  @Test
  void anUnreadableSince_isAUsageError() {
    CliResult r = Cli.run("audit", "--since", "last tuesday");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--since last tuesday: expected an age (30m, 24h, 7d)");
  }

  @Test
  void noEvents_saysSo() {
    CliResult r = Cli.run("audit", "--secret", "NOBODY");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no audit events since", "for NOBODY");
  }

  private static List<Map<String, Object>> json(String... args) {
    CliResult r = Cli.run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
    try {
      return Json.MAPPER.readValue(r.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("audit --json did not print a JSON array", e);
    }
  }
}
