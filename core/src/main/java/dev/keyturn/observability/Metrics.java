package dev.keyturn.observability;

/**
 * Where services report what they did, as counts (port; adapters: {@link EmfMetrics} in Lambda,
 * {@link #NONE} elsewhere; tests record them with keyturn-testing-fakes' {@code FakeMetrics}).
 * Publishing never throws: a metric must not fail the work it describes.
 */
public interface Metrics {

  /** Drops everything (the CLI, tools). */
  Metrics NONE = record -> {};

  /** Publishes counts of one unit of work that share their dimensions. */
  void publish(MetricRecord record);

  /** Publishes one count without extra dimensions. */
  default void count(Metric metric, long value) {
    publish(MetricRecord.of(metric, value));
  }

  /** Publishes one count with one extra dimension (a name or a code, never a value). */
  default void count(Metric metric, long value, String dimension, String dimensionValue) {
    publish(MetricRecord.of(metric, value).with(dimension, dimensionValue));
  }
}
