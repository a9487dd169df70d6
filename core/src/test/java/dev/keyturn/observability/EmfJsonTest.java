package dev.keyturn.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfJsonTest {

  @Test
  void write_producesTheSameTextAsTheObjectMapper_forAnEmfLinesShapes() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("_aws", Map.of("Timestamp", 1_764_000_000_123L, "List", List.of(List.of("a", "b"))));
    root.put("FunctionName", "keyturn-webhook");
    root.put("Reason", "quote \" backslash \\ newline \n unicode é");
    root.put("Count", 3L);
    root.put("Small", 7);
    root.put("Flag", true);
    root.put("Nothing", null);

    assertThat(EmfJson.write(root)).isEqualTo(Json.write(root));
  }

  @Test
  void emfMetricsLine_isTheObjectMappersLine_forARecordWithDimensions() {
    List<String> lines = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    EmfMetrics metrics = new EmfMetrics("keyturn-webhook", clock, lines::add);

    metrics.count(Metric.WEBHOOKS_REJECTED, 2, Dimensions.REASON, "signature_mismatch");

    Map<String, Object> reread = Json.map(lines.getFirst());
    assertThat(lines.getFirst()).isEqualTo(Json.write(reread));
  }

  @Test
  void write_refusesAValueAnEmfLineNeverHolds_namingItsType() {
    assertThatThrownBy(() -> EmfJson.write(Map.of("when", Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Instant");
  }
}
