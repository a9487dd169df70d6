package dev.keyturn.benchmarks.coldstart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Measurements by scenario, JVM flags and variant, with their medians. */
final class Results {

  record Key(String scenario, JvmFlags flags, Variant variant) {}

  private final Map<Key, List<Measurement>> runs = new LinkedHashMap<>();

  void add(Key key, Measurement measurement) {
    runs.computeIfAbsent(key, k -> new ArrayList<>()).add(measurement);
  }

  List<Measurement> of(Key key) {
    return runs.getOrDefault(key, List.of());
  }

  double median(Key key, ToDoubleFunction<Measurement> value) {
    double[] values = of(key).stream().mapToDouble(value).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
