package dev.keyturn.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.cli.common.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class FormatTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void since_readsAgesDatesAndInstants() {
    assertThat(Since.parse("30m", NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
    assertThat(Since.parse("24h", NOW)).isEqualTo(NOW.minus(Duration.ofHours(24)));
    assertThat(Since.parse("7d", NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
    assertThat(Since.parse("2026-11-01", NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(Since.parse("2026-11-01T09:30:00Z", NOW))
        .isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
  }

  @Test
  void since_rejectsAnythingElse_asAUsageError() {
    assertThatThrownBy(() -> Since.parse("7 days", NOW))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("expected an age");
  }

  @Test
  void durations_readTheWayPeopleWriteThem() {
    DurationConverter c = new DurationConverter();
    assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(c.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> c.convert("soon")).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void table_padsColumnsToTheWidestCell_andPrintsNullAsDash() {
    StringWriter text = new StringWriter();
    new Table("A", "LONGER")
        .row("wide-cell", null)
        .row("x", "y")
        .print(new PrintWriter(text), "> ");

    assertThat(text.toString().lines())
        .containsExactly("> A          LONGER", "> wide-cell  -", "> x          y");
  }
}
