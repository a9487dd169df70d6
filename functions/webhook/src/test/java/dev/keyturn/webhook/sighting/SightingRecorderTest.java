package dev.keyturn.webhook.sighting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeSenderSightings;
import dev.keyturn.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SightingRecorderTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration CALL = Duration.ofSeconds(2);

  final FakeSenderSightings store = new FakeSenderSightings();
  final FakeMetrics metrics = new FakeMetrics();
  final MutableClock clock = new MutableClock(T0);
  final SightingRecorder recorder = new SightingRecorder(store, metrics, clock, CALL);
  final Instant plenty = T0.plusSeconds(10);

  @Test
  void seen_writesTheFirstSighting_andSkipsTheSameVersionWithinAMinute() {
    assertThat(recorder.seen("src", "v1", T0, plenty)).isTrue();
    assertThat(recorder.seen("src", "v1", T0.plusSeconds(59), plenty.plusSeconds(59))).isFalse();
    assertThat(recorder.seen("src", "v1", T0.plusSeconds(60), plenty.plusSeconds(60))).isTrue();

    assertThat(store.calls("record")).isEqualTo(2);
  }

  @Test
  void seen_writesANewVersionAtOnce_andKeepsSourcesApart() {
    recorder.seen("src", "v1", T0, plenty);

    assertThat(recorder.seen("src", "v2", T0.plusSeconds(1), plenty)).isTrue();
    assertThat(recorder.seen("other", "v2", T0.plusSeconds(1), plenty)).isTrue();
    assertThat(recorder.seen("src", "v1", T0.plusSeconds(2), plenty))
        .as("back on the old version: written again")
        .isTrue();
  }

  @Test
  void seen_withLessTimeLeftThanOneCall_defersTheWrite_toTheNextDelivery() {
    assertThat(recorder.seen("src", "v1", T0, T0.plusSeconds(1))).isFalse();
    assertThat(store.calls("record")).isZero();

    assertThat(recorder.seen("src", "v1", T0.plusSeconds(1), plenty)).isTrue();
  }

  @Test
  void aFailedWrite_isCounted_andNotRemembered() {
    store.failNext("record", 1);

    assertThat(recorder.seen("src", "v1", T0, plenty)).isFalse();
    assertThat(metrics.total(dev.keyturn.observability.Metric.WEBHOOK_SIGHTING_FAILURES))
        .isEqualTo(1);
    assertThat(recorder.seen("src", "v1", T0.plusSeconds(1), plenty)).isTrue();
  }
}
