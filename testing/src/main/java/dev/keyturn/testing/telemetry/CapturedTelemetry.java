package dev.keyturn.testing.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyturn.testing.leak.CapturedOutput;
import dev.keyturn.testing.leak.ConsoleTee;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function wrote while a test ran, read from the leak guard's capture: CloudWatch EMF lines
 * on standard output and keyturn's log events (rendered with their MDC).
 */
public final class CapturedTelemetry {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long cursor;

  private CapturedTelemetry(long cursor) {
    this.cursor = cursor;
  }

  /** Starts watching from now. */
  public static CapturedTelemetry start() {
    ConsoleTee.recordPartialLines();
    return new CapturedTelemetry(CapturedOutput.cursor());
  }

  /** EMF objects printed on standard output since {@link #start()}, each checked as valid EMF. */
  public List<JsonNode> emf() {
    List<JsonNode> lines = new ArrayList<>();
    for (CapturedOutput.Entry entry : entries()) {
      if (entry.source().equals("System.out") && entry.text().startsWith("{\"_aws\"")) {
        JsonNode line = tree(entry.text());
        assertValidEmf(line);
        lines.add(line);
      }
    }
    return lines;
  }

  /** The EMF objects that carry {@code metric}. */
  public List<JsonNode> emf(String metric) {
    return emf().stream().filter(line -> line.has(metric)).toList();
  }

  /**
   * JSON log lines on standard output since {@link #start()}: what a function jar's own logback.xml
   * (logstash encoder) writes when the jar runs through the Lambda runtime harness.
   */
  public List<JsonNode> jsonLogs() {
    List<JsonNode> lines = new ArrayList<>();
    for (CapturedOutput.Entry entry : entries()) {
      if (entry.source().equals("System.out")
          && entry.text().startsWith("{")
          && entry.text().contains("\"logger_name\"")) {
        lines.add(tree(entry.text()));
      }
    }
    return lines;
  }

  /** Log events of keyturn's own loggers since {@link #start()}, as rendered (MDC included). */
  public List<String> keyturnLogs() {
    return entries().stream()
        .filter(e -> e.source().startsWith("dev.keyturn."))
        .map(CapturedOutput.Entry::text)
        .toList();
  }

  private List<CapturedOutput.Entry> entries() {
    ConsoleTee.recordPartialLines();
    return CapturedOutput.since(cursor);
  }

  /**
   * The EMF rules CloudWatch applies: one directive in namespace keyturn, every dimension named in
   * a dimension set is a string member, every metric named is a number member, and units are given.
   */
  public static void assertValidEmf(JsonNode line) {
    JsonNode aws = line.path("_aws");
    check(aws.path("Timestamp").isIntegralNumber(), "_aws.Timestamp is an integer", line);
    JsonNode directives = aws.path("CloudWatchMetrics");
    check(directives.isArray() && directives.size() == 1, "one CloudWatchMetrics directive", line);
    JsonNode directive = directives.get(0);
    check("keyturn".equals(directive.path("Namespace").asText()), "namespace keyturn", line);
    check(directive.path("Dimensions").isArray(), "Dimensions is an array", line);
    directive
        .path("Dimensions")
        .forEach(set ->
            set.forEach(d ->
                check(
                    line.path(d.asText()).isTextual(), d.asText() + " is a string member", line)));
    check(directive.path("Metrics").size() > 0, "at least one metric", line);
    directive
        .path("Metrics")
        .forEach(m -> {
          String name = m.path("Name").asText();
          check("Count".equals(m.path("Unit").asText()), name + " has unit Count", line);
          check(line.path(name).isNumber(), name + " is a number member", line);
        });
  }

  private static void check(boolean condition, String rule, JsonNode line) {
    if (!condition) {
      throw new AssertionError("not valid EMF (" + rule + "): " + line);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
