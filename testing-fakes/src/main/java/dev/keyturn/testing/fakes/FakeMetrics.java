package dev.keyturn.testing.fakes;

import dev.keyturn.observability.Metric;
import dev.keyturn.observability.MetricRecord;
import dev.keyturn.observability.Metrics;
import java.util.ArrayList;
import java.util.List;

/** Keeps every record in memory, in order. Like every {@link Metrics}, publishing never throws. */
public final class FakeMetrics implements Metrics {

  private final List<MetricRecord> records = new ArrayList<>();

  @Override
  public synchronized void publish(MetricRecord record) {
    records.add(record);
  }

  public synchronized List<MetricRecord> records() {
    return List.copyOf(records);
  }

  /** The sum of {@code metric} over every record. */
  public synchronized long total(Metric metric) {
    return records.stream().mapToLong(r -> r.values().getOrDefault(metric, 0L)).sum();
  }

  /** The sum of {@code metric} over the records carrying {@code dimension = value}. */
  public synchronized long total(Metric metric, String dimension, String value) {
    return records.stream()
        .filter(r -> value.equals(r.dimensions().get(dimension)))
        .mapToLong(r -> r.values().getOrDefault(metric, 0L))
        .sum();
  }

  /** Whether any record published {@code metric} at all (zero counts included). */
  public synchronized boolean published(Metric metric) {
    return records.stream().anyMatch(r -> r.values().containsKey(metric));
  }

  public synchronized void clear() {
    records.clear();
  }

  @Override
  public synchronized String toString() {
    return "FakeMetrics" + records;
  }
}
