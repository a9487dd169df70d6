package dev.keyturn.rotate.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.local.template.CloudFormationYaml;
import dev.keyturn.local.template.TemplateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The inline policy statements a function has in template.yaml. */
public record TemplatePolicy(List<JsonNode> statements) {

  public static TemplatePolicy rotateFunction() {
    return of("RotateFunction");
  }

  public static TemplatePolicy of(String logicalId) {
    Path template =
        TemplateTable.findTemplate(Path.of(System.getProperty("user.dir"))).orElseThrow();
    JsonNode root;
    try {
      root = CloudFormationYaml.read(Files.readString(template));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> statements = new ArrayList<>();
    for (JsonNode policy :
        root.path("Resources").path(logicalId).path("Properties").path("Policies")) {
      policy.path("Statement").forEach(statements::add);
    }
    return new TemplatePolicy(statements);
  }

  /** Every action granted that starts with {@code prefix} (e.g. {@code iam:}). */
  public List<String> actions(String prefix) {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : statements) {
      JsonNode action = statement.path("Action");
      List<JsonNode> all = new ArrayList<>();
      if (action.isArray()) {
        action.forEach(all::add);
      } else {
        all.add(action);
      }
      all.stream().map(JsonNode::asText).filter(a -> a.startsWith(prefix)).forEach(actions::add);
    }
    return actions;
  }

  /** The statement with this Sid. */
  public JsonNode statement(String sid) {
    return statements.stream()
        .filter(s -> sid.equals(s.path("Sid").asText()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no statement " + sid));
  }
}
