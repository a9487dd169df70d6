package dev.keyturn.observability;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes each record as one CloudWatch Embedded Metric Format line on standard output, where Lambda
 * sends it to CloudWatch Logs and CloudWatch extracts the metrics asynchronously: no API call, no
 * SDK, nothing on the request path but a {@code println}. The line also carries the invocation's
 * request id (from the MDC) as a property, so Logs Insights finds the invocation behind a data
 * point.
 *
 * <p>Format:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
public final class EmfMetrics implements Metrics {

  public static final String NAMESPACE = "keyturn";

  private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);

  private final String functionName;
  private final Clock clock;
  private final Consumer<String> out;

  /**
   * @param functionName the FunctionName dimension (the Lambda function's name)
   * @param out receives each line (without its line break)
   */
  public EmfMetrics(String functionName, Clock clock, Consumer<String> out) {
    if (functionName == null || functionName.isBlank()) {
      throw new MetricRecord.InvalidMetricException("EMF metrics need a function name");
    }
    this.functionName = functionName;
    this.clock = clock;
    this.out = out;
  }

  /** Lines on {@code System.out} (looked up per line, so a stream swapped in later is used). */
  public static EmfMetrics toStandardOutput(String functionName, Clock clock) {
    return new EmfMetrics(functionName, clock, line -> System.out.println(line));
  }

  @Override
  public void publish(MetricRecord record) {
    try {
      out.accept(line(record));
    } catch (RuntimeException e) {
      LOG.warn("metrics not written: {}", e.getClass().getSimpleName());
    }
  }

  /** The EMF JSON object for {@code record}, on one line. */
  String line(MetricRecord record) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("_aws", metadata(record));
    root.put(Dimensions.FUNCTION_NAME, functionName);
    root.putAll(record.dimensions());
    record.values().forEach((metric, value) -> root.put(metric.metricName(), value));
    String requestId = MDC.get(InvocationMdc.REQUEST_ID);
    if (requestId != null) {
      root.put(InvocationMdc.REQUEST_ID, requestId);
    }
    return EmfJson.write(root);
  }

  private Map<String, Object> metadata(MetricRecord record) {
    List<Map<String, String>> metrics = new ArrayList<>();
    record
        .values()
        .keySet()
        .forEach(m -> metrics.add(Map.of("Name", m.metricName(), "Unit", m.unit())));
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", dimensionSets(record));
    directive.put("Metrics", metrics);
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", clock.millis());
    aws.put("CloudWatchMetrics", List.of(directive));
    return aws;
  }

  /** The full set, plus FunctionName alone when there are extra dimensions (for alarms). */
  private static List<List<String>> dimensionSets(MetricRecord record) {
    List<String> full = new ArrayList<>();
    full.add(Dimensions.FUNCTION_NAME);
    full.addAll(record.dimensions().keySet());
    return full.size() == 1 ? List.of(full) : List.of(full, List.of(Dimensions.FUNCTION_NAME));
  }
}
