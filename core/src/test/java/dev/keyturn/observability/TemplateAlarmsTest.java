package dev.keyturn.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyturn.RepoFiles;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml alarms on every failure metric keyturn publishes, to the alert topic. */
class TemplateAlarmsTest {

  // intrinsic-function tags (!Ref, !Sub) are read as their plain values: enough for these checks
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyAlarmedMetric_hasAnAlarmInNamespaceKeyturn_thatNotifiesTheAlertTopic()
      throws IOException {
    JsonNode resources =
        YAML.readTree(RepoFiles.resolve("template.yaml").toFile()).path("Resources");
    Set<String> alarmed = new HashSet<>();
    resources.forEach(resource -> {
      JsonNode p = resource.path("Properties");
      if (resource.path("Type").asText().equals("AWS::CloudWatch::Alarm")
          && p.path("Namespace").asText().equals(EmfMetrics.NAMESPACE)) {
        assertThat(p.path("AlarmActions").toString()).contains("RotationAlertsTopic");
        assertThat(p.path("Dimensions").get(0).path("Name").asText())
            .isEqualTo(Dimensions.FUNCTION_NAME);
        alarmed.add(p.path("MetricName").asText());
      }
    });

    assertThat(alarmed)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Metric.values())
                .filter(Metric::alarmed)
                .map(Metric::metricName)
                .toList());
  }
}
