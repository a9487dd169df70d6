package dev.keyturn.rotate.generator.jsonfield;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads and writes the JSON objects json-field secrets hold, keeping what it does not touch as it
 * was: field order, big integers and decimals (trailing zeros included).
 */
final class JsonObjects {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private JsonObjects() {}

  /**
   * The value as a JSON object, or empty when it is not one. Parser errors are dropped, never
   * passed on: their messages can quote the text.
   */
  static Optional<ObjectNode> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(value);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  static String write(ObjectNode object) {
    try {
      return MAPPER.writeValueAsString(object);
    } catch (JacksonException impossible) {
      // a tree built from parsed JSON and strings always serialises
      throw new IllegalStateException("JSON object could not be written");
    }
  }
}
