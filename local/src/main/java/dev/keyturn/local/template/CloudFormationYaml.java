package dev.keyturn.local.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads a CloudFormation/SAM template written in YAML. Short-form intrinsic tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}, {@code !If [...]}) become their long JSON form ({@code
 * {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, ...), so a reader can tell an intrinsic
 * function from a literal instead of silently taking {@code "X"} for a value.
 */
public final class CloudFormationYaml {

  private static final String YAML_STANDARD_TAG = "tag:yaml.org,2002:";
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CloudFormationYaml() {}

  /** The template as a tree, short-form intrinsics in their long form. */
  public static JsonNode read(String yaml) {
    try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
      if (parser.nextToken() == null) {
        return NODES.missingNode();
      }
      return value(parser);
    } catch (IOException e) {
      throw new TemplateException("template is not valid YAML: " + e.getMessage(), e);
    }
  }

  // parser is on the first token of a value; the tag must be read before descending
  private static JsonNode value(JsonParser parser) throws IOException {
    String tag = intrinsicTag(parser.getTypeId());
    JsonNode value =
        switch (parser.currentToken()) {
          case START_OBJECT -> object(parser);
          case START_ARRAY -> array(parser);
          default -> MAPPER.readTree(parser);
        };
    return tag == null ? value : longForm(tag, value);
  }

  private static ObjectNode object(JsonParser parser) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      object.set(field, value(parser));
    }
    return object;
  }

  private static ArrayNode array(JsonParser parser) throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(parser));
    }
    return array;
  }

  private static String intrinsicTag(Object typeId) {
    if (!(typeId instanceof String tag) || tag.isEmpty() || tag.startsWith(YAML_STANDARD_TAG)) {
      return null;
    }
    return tag.startsWith("!") ? tag.substring(1) : tag;
  }

  private static JsonNode longForm(String tag, JsonNode value) {
    ObjectNode function = NODES.objectNode();
    switch (tag) {
      case "Ref", "Condition" -> function.set(tag, value);
      case "GetAtt" -> function.set("Fn::GetAtt", getAttArguments(value));
      default -> function.set("Fn::" + tag, value);
    }
    return function;
  }

  // !GetAtt Resource.Attribute is short for Fn::GetAtt: [Resource, Attribute]
  private static JsonNode getAttArguments(JsonNode value) {
    if (!value.isTextual() || value.asText().indexOf('.') < 0) {
      return value;
    }
    String text = value.asText();
    int dot = text.indexOf('.');
    return NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
  }

  /** True for {@code {"Ref": ...}}, {@code {"Fn::...": ...}} and {@code {"Condition": ...}}. */
  public static boolean isIntrinsic(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    String name = node.fieldNames().next();
    return name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::");
  }
}
