package dev.keyturn.rotate.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.testing.leak.CapturedOutput;
import dev.keyturn.testing.leak.ConsoleTee;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function wrote while a test ran, read from the leak guard's capture: CloudWatch EMF lines
 * on standard output and keyturn's log events (rendered with their MDC).
 */
public final class CapturedTelemetry {

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
        JsonNode line = Json.tree(entry.text());
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
        lines.add(Json.tree(entry.text()));
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
    assertThat(aws.path("Timestamp").isIntegralNumber()).as("_aws.Timestamp").isTrue();
    JsonNode directives = aws.path("CloudWatchMetrics");
    assertThat(directives.isArray() && directives.size() == 1).as("one directive").isTrue();
    JsonNode directive = directives.get(0);
    assertThat(directive.path("Namespace").asText()).isEqualTo("keyturn");
    assertThat(directive.path("Dimensions").isArray()).isTrue();
    directive
        .path("Dimensions")
        .forEach(set ->
            set.forEach(
                d -> assertThat(line.path(d.asText()).isTextual()).as(d.asText()).isTrue()));
    assertThat(directive.path("Metrics").size()).isPositive();
    directive
        .path("Metrics")
        .forEach(m -> {
          assertThat(m.path("Unit").asText()).isEqualTo("Count");
          assertThat(line.path(m.path("Name").asText()).isNumber())
              .as(m.path("Name").asText())
              .isTrue();
        });
  }
}
