package dev.keyturn.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRecordTest {

  @Test
  void and_andWith_keepTheOrderTheyWereAddedIn() {
    MetricRecord record =
        MetricRecord.of(Metric.VARS_CHANGED, 2)
            .and(Metric.RELEASES, 1)
            .and(Metric.SYNC_FAILURES, 0)
            .with("App", "billing");

    assertThat(record.values().keySet())
        .containsExactly(Metric.VARS_CHANGED, Metric.RELEASES, Metric.SYNC_FAILURES);
    assertThat(record.dimensions()).containsExactly(Map.entry("App", "billing"));
  }

  @Test
  void aRecord_rejectsNegativeCounts() {
    assertThatThrownBy(() -> MetricRecord.of(Metric.RELEASES, -1))
        .isInstanceOf(MetricRecord.InvalidMetricException.class)
        .hasMessageContaining("Releases");
  }

  @Test
  void aRecord_rejectsFunctionNameAsAnExtraDimension_theAdapterAddsIt() {
    assertThatThrownBy(() -> MetricRecord.of(Metric.RELEASES, 1).with("FunctionName", "x"))
        .isInstanceOf(MetricRecord.InvalidMetricException.class);
  }

  @Test
  void aRecord_rejectsADimensionNamedLikeAMetric() {
    assertThatThrownBy(() -> MetricRecord.of(Metric.RELEASES, 1).with("VarsChanged", "x"))
        .isInstanceOf(MetricRecord.InvalidMetricException.class);
  }

  @Test
  void aRejectedDimensionValue_isNotEchoed() {
    String longValue = "v".repeat(300);

    assertThatThrownBy(() -> MetricRecord.of(Metric.RELEASES, 1).with("Reason", longValue))
        .isInstanceOf(MetricRecord.InvalidMetricException.class)
        .satisfies(e -> assertThat(e.getMessage().contains(longValue)).isFalse());
    assertThatThrownBy(() -> MetricRecord.of(Metric.RELEASES, 1).with("Reason", " "))
        .isInstanceOf(MetricRecord.InvalidMetricException.class);
  }

  @Test
  void aRecord_needsAValue() {
    assertThatThrownBy(() -> new MetricRecord(Map.of(), Map.of()))
        .isInstanceOf(MetricRecord.InvalidMetricException.class);
  }

  @Test
  void metricNames_areUnique_andEveryMetricCounts() {
    assertThat(java.util.Arrays.stream(Metric.values()).map(Metric::metricName))
        .doesNotHaveDuplicates()
        .allMatch(name -> name.matches("[A-Z][A-Za-z]+"));
    assertThat(java.util.Arrays.stream(Metric.values()).map(Metric::unit)).containsOnly("Count");
  }
}
