package dev.keyturn.rotate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** EventBridge rules of the repository's template.yaml, as deployed. */
public final class TemplateRules {

  // intrinsic-function tags (!Ref) read as plain values: an event pattern has none
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TemplateRules() {}

  /** The EventPattern of the rule with this logical id, as the JSON EventBridge takes. */
  public static String eventPattern(String logicalId) {
    try {
      JsonNode rule = YAML.readTree(template().toFile()).path("Resources").path(logicalId);
      JsonNode pattern = rule.path("Properties").path("EventPattern");
      if (!rule.path("Type").asText().equals("AWS::Events::Rule") || pattern.isMissingNode()) {
        throw new IllegalArgumentException("template.yaml has no rule " + logicalId);
      }
      return new ObjectMapper().writeValueAsString(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path template() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir.resolve("template.yaml");
      }
    }
    throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
  }
}
