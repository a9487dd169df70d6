package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Heroku's vendored interagent hyper-schema, rewritten into plain draft-04 that a standard
 * validator understands.
 *
 * <p>Two interagent conventions need translating, otherwise validation would be silently weaker
 * than Heroku's own tooling (the {@code json_schema} gem behind Committee):
 *
 * <ul>
 *   <li>{@code strictProperties: true} means "every listed property is required and no other
 *       property is allowed"; draft-04 spells that {@code required} + {@code additionalProperties:
 *       false}.
 *   <li>Nested {@code $schema} declarations name the hyper-schema meta-schema, which is not
 *       available offline; the whole document is draft-04, so they are dropped.
 * </ul>
 */
final class HyperSchemaDocument {

  static final String RESOURCE = "/dev/keyturn/testing/heroku/platform-api.schema.json";

  private HyperSchemaDocument() {}

  /** Reads the vendored schema and returns its draft-04 form. */
  static ObjectNode load(ObjectMapper mapper) {
    try (InputStream in = HyperSchemaDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Heroku schema resource missing: " + RESOURCE);
      }
      ObjectNode root = (ObjectNode) mapper.readTree(in);
      rewrite(root);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("Heroku schema resource unreadable: " + RESOURCE, e);
    }
  }

  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("$schema");
      applyStrictProperties(object);
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        // examples are sample instances, not schemas: leave them exactly as published
        if (!field.getKey().equals("example")) {
          rewrite(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(HyperSchemaDocument::rewrite);
    }
  }

  private static void applyStrictProperties(ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    if (!schema.path("strictProperties").asBoolean(false)
        || properties == null
        || !properties.isObject()
        || properties.isEmpty()) {
      return;
    }
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    properties.fieldNames().forEachRemaining(required::add);
    ArrayNode requiredNode = schema.putArray("required");
    required.forEach(requiredNode::add);
    if (!schema.has("additionalProperties")) {
      schema.put("additionalProperties", false);
    }
  }
}
