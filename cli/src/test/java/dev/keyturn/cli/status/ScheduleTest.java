package dev.keyturn.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.status.EntryStatus.ExpiryStatus;
import dev.keyturn.cli.status.EntryStatus.RotationStatus;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void keyturnsOwnRotation_winsOverTheSourcesDate() {
    RotationStatus r =
        Schedule.rotation(entry("90d", null), Optional.of(days(-10)), days(-200), NOW);

    assertThat(r.lastRotated()).isEqualTo(days(-10));
    assertThat(r.lastRotatedBy()).isEqualTo("keyturn");
    assertThat(r.nextDue()).isEqualTo(days(80));
    assertThat(r.due()).isFalse();
  }

  @Test
  void theSourcesDate_countsWhenKeyturnNeverRotated() {
    RotationStatus r = Schedule.rotation(entry("30d", null), Optional.empty(), days(-31), NOW);

    assertThat(r.lastRotatedBy()).isEqualTo("source");
    assertThat(r.due()).isTrue();
  }

  @Test
  void dueExactlyAtTheCadence() {
    assertThat(Schedule.rotation(entry("30d", null), Optional.of(days(-30)), null, NOW).due())
        .isTrue();
  }

  @Test
  void nonRotating_isNeverDue() {
    RotationStatus r = Schedule.rotation(entry("non-rotating", null), Optional.empty(), null, NOW);

    assertThat(r.nextDue()).isNull();
    assertThat(r.due()).isFalse();
  }

  @Test
  void aRotatingEntryWithNoDateAtAll_isDue() {
    assertThat(Schedule.rotation(entry("90d", null), Optional.empty(), null, NOW).due()).isTrue();
  }

  @Test
  void expiry_isExpiringWithin14Days_andExpiredWhenPast() {
    ExpiryStatus soon = Schedule.expiry(entry("90d", days(14).toString()), NOW);
    ExpiryStatus later = Schedule.expiry(entry("90d", days(15).toString()), NOW);
    ExpiryStatus past = Schedule.expiry(entry("90d", days(-1).toString()), NOW);
    ExpiryStatus never = Schedule.expiry(entry("90d", "non-expiring"), NOW);

    assertThat(soon.expiring()).isTrue();
    assertThat(soon.expired()).isFalse();
    assertThat(later.expiring()).isFalse();
    assertThat(past.expiring()).isTrue();
    assertThat(past.expired()).isTrue();
    assertThat(never.at()).isNull();
    assertThat(never.expiring()).isFalse();
  }

  private static Instant days(long n) {
    return NOW.plus(Duration.ofDays(n));
  }

  private static SecretEntry entry(String cadence, String expiresAt) {
    return new SecretEntry(
        "RX_THING",
        new Source.SecretsManager("x"),
        Tags.of("notify", "low", "ci", cadence),
        List.of("prod"),
        null,
        null,
        null,
        expiresAt,
        List.of(),
        null,
        List.of());
  }
}
