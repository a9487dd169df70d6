package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.observability.Metric;
import dev.keyturn.observability.MetricRecord;
import org.junit.jupiter.api.Test;

class FakeMetricsTest {

  final FakeMetrics metrics = new FakeMetrics();

  @Test
  void records_keepEveryPublication_inOrder_andTotalsSumThem() {
    metrics.count(Metric.ROTATIONS_SUCCEEDED, 1);
    metrics.count(Metric.ROTATIONS_FAILED, 2, "step", "testSecret");
    metrics.publish(MetricRecord.of(Metric.ROTATIONS_FAILED, 3).with("step", "setSecret"));

    assertThat(metrics.records()).hasSize(3);
    assertThat(metrics.records().getFirst())
        .isEqualTo(MetricRecord.of(Metric.ROTATIONS_SUCCEEDED, 1));
    assertThat(metrics.total(Metric.ROTATIONS_FAILED)).isEqualTo(5);
    assertThat(metrics.total(Metric.ROTATIONS_FAILED, "step", "testSecret")).isEqualTo(2);
    assertThat(metrics.published(Metric.SWEEP_FAILURES)).isFalse();
  }

  @Test
  void published_countsAZeroToo_andClearForgetsEverything() {
    metrics.count(Metric.SWEEP_FAILURES, 0);

    assertThat(metrics.published(Metric.SWEEP_FAILURES)).isTrue();
    assertThat(metrics.total(Metric.SWEEP_FAILURES)).isZero();
    metrics.clear();
    assertThat(metrics.records()).isEmpty();
  }
}
