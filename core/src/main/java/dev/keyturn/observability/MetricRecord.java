package dev.keyturn.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts from one unit of work that share their dimensions, published together (one EMF line).
 *
 * @param dimensions extra dimensions beyond {@code FunctionName} (which the adapter adds), in order
 * @param values the counts, in order
 */
public record MetricRecord(Map<String, String> dimensions, Map<Metric, Long> values) {

  // CloudWatch allows 30 dimensions per metric; FunctionName takes one
  static final int MAX_EXTRA_DIMENSIONS = 29;
  private static final int MAX_DIMENSION_VALUE = 250;
  private static final Pattern DIMENSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  public MetricRecord {
    if (values.isEmpty()) {
      throw new InvalidMetricException("a metric record needs at least one value");
    }
    if (dimensions.size() > MAX_EXTRA_DIMENSIONS) {
      throw new InvalidMetricException("too many dimensions: " + dimensions.size());
    }
    dimensions.forEach(MetricRecord::checkDimension);
    values.forEach((metric, value) -> {
      if (value == null || value < 0) {
        throw new InvalidMetricException(metric.metricName() + " must be a count >= 0");
      }
    });
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** One count, no extra dimension. */
  public static MetricRecord of(Metric metric, long value) {
    return new MetricRecord(Map.of(), Map.of(metric, value));
  }

  /** This record with one more count. */
  public MetricRecord and(Metric metric, long value) {
    Map<Metric, Long> more = new LinkedHashMap<>(values);
    more.put(metric, value);
    return new MetricRecord(dimensions, more);
  }

  /** This record with one more dimension (a name, or a code from a fixed set). */
  public MetricRecord with(String dimension, String value) {
    Map<String, String> more = new LinkedHashMap<>(dimensions);
    more.put(dimension, value);
    return new MetricRecord(more, values);
  }

  private static void checkDimension(String name, String value) {
    if (name == null || !DIMENSION_NAME.matcher(name).matches()) {
      throw new InvalidMetricException("dimension names are letters and digits: " + name);
    }
    if (Dimensions.FUNCTION_NAME.equals(name)) {
      throw new InvalidMetricException("FunctionName is added by the adapter");
    }
    for (Metric metric : Metric.values()) {
      if (metric.metricName().equals(name)) {
        throw new InvalidMetricException("dimension " + name + " clashes with a metric name");
      }
    }
    // the value is not echoed: a caller passing the wrong thing must not print it
    if (value == null || value.isBlank() || value.length() > MAX_DIMENSION_VALUE) {
      throw new InvalidMetricException("dimension " + name + " needs a short, non-blank value");
    }
  }

  /** A record CloudWatch would not accept. Names the metric or dimension, never a value. */
  public static final class InvalidMetricException extends RuntimeException {
    public InvalidMetricException(String message) {
      super(message);
    }
  }
}
