package dev.keyturn.testing.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void instant_staysPut_untilAdvancedOrSet() {
    MutableClock clock = new MutableClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofSeconds(90));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    assertThat(clock.millis()).isEqualTo(START.plusSeconds(90).toEpochMilli());
    clock.set(START);
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void zone_isUtc_andAnotherZoneIsTheSameClock() {
    MutableClock clock = new MutableClock(START);

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(ZoneOffset.ofHours(2))).isSameAs(clock);
  }
}
