package dev.keyturn.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

  private final List<String> lines = new ArrayList<>();
  private final EmfMetrics metrics =
      new EmfMetrics("keyturn-rotate", Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

  @AfterEach
  void clearMdc() {
    InvocationMdc.end();
  }

  @Test
  void publish_writesOneEmfObjectPerRecord_onOneLine() {
    metrics.publish(MetricRecord.of(Metric.VARS_CHANGED, 3).and(Metric.RELEASES, 1));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n").startsWith("{");
    JsonNode root = Json.tree(lines.get(0));
    JsonNode aws = root.get("_aws");
    assertThat(aws.get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    JsonNode directive = aws.get("CloudWatchMetrics").get(0);
    assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
    assertThat(directive.get("Namespace").asText()).isEqualTo("keyturn");
    assertThat(Json.MAPPER.convertValue(directive.get("Dimensions"), List.class))
        .isEqualTo(List.of(List.of("FunctionName")));
    assertThat(Json.MAPPER.convertValue(directive.get("Metrics"), List.class))
        .isEqualTo(
            List.of(
                Map.of("Name", "VarsChanged", "Unit", "Count"),
                Map.of("Name", "Releases", "Unit", "Count")));
    assertThat(root.get("FunctionName").asText()).isEqualTo("keyturn-rotate");
    assertThat(root.get("VarsChanged").asLong()).isEqualTo(3);
    assertThat(root.get("Releases").asLong()).isEqualTo(1);
  }

  @Test
  void publish_withAnExtraDimension_alsoPublishesTheFunctionNameRollup() {
    metrics.count(Metric.WEBHOOKS_REJECTED, 1, Dimensions.REASON, "signature_mismatch");

    JsonNode root = Json.tree(lines.get(0));
    JsonNode directive = root.get("_aws").get("CloudWatchMetrics").get(0);
    assertThat(Json.MAPPER.convertValue(directive.get("Dimensions"), List.class))
        .isEqualTo(List.of(List.of("FunctionName", "Reason"), List.of("FunctionName")));
    assertThat(root.get("Reason").asText()).isEqualTo("signature_mismatch");
    assertThat(root.get("WebhooksRejected").asLong()).isEqualTo(1);
  }

  @Test
  void everyDimensionAndMetricNamed_inTheDirective_hasAValueAtTheRoot() {
    metrics.publish(
        MetricRecord.of(Metric.ROTATIONS_FAILED, 1)
            .with(Dimensions.STEP, "setSecret")
            .and(Metric.ROTATIONS_SUCCEEDED, 0));

    JsonNode root = Json.tree(lines.get(0));
    JsonNode directive = root.get("_aws").get("CloudWatchMetrics").get(0);
    directive
        .get("Dimensions")
        .forEach(set -> set.forEach(d -> assertThat(root.get(d.asText()).isTextual()).isTrue()));
    directive
        .get("Metrics")
        .forEach(m -> assertThat(root.get(m.get("Name").asText()).isNumber()).isTrue());
  }

  @Test
  void publish_carriesTheInvocationsRequestId_whenTheMdcHasOne() {
    InvocationMdc.begin("req-1", "keyturn-rotate", "7");

    metrics.count(Metric.ROTATIONS_SUCCEEDED, 1);

    assertThat(Json.tree(lines.get(0)).get("AWSRequestId").asText()).isEqualTo("req-1");
  }

  @Test
  void publish_outsideAnInvocation_hasNoRequestId() {
    metrics.count(Metric.ROTATIONS_SUCCEEDED, 1);

    assertThat(Json.tree(lines.get(0)).has("AWSRequestId")).isFalse();
  }

  @Test
  void publish_neverThrows_whenTheOutputFails() {
    EmfMetrics broken =
        new EmfMetrics(
            "fn",
            Clock.systemUTC(),
            line -> {
              throw new IllegalStateException("closed");
            });

    broken.count(Metric.RELEASES, 1);
  }

  @Test
  void emfMetrics_requireAFunctionName() {
    assertThatThrownBy(() -> new EmfMetrics(" ", Clock.systemUTC(), lines::add))
        .isInstanceOf(MetricRecord.InvalidMetricException.class);
  }
}
