package dev.keyturn.observability;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes an EMF line's maps, lists, strings and numbers with Jackson's streaming generator. The
 * data-binding path ({@code ObjectMapper.writeValueAsString}) introspects each value class on first
 * use, ~100 classes a cold function loads for its first metric line (issue 15 §3); the line's shape
 * is fixed, so the generator writes the same JSON without them.
 */
final class EmfJson {

  private EmfJson() {}

  static String write(Map<String, ?> root) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      value(json, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an EMF line", e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator json, Object v) throws IOException {
    switch (v) {
      case null -> json.writeNull();
      case String s -> json.writeString(s);
      case Long l -> json.writeNumber(l);
      case Integer i -> json.writeNumber(i);
      case Number n -> json.writeNumber(n.toString());
      case Boolean b -> json.writeBoolean(b);
      case Map<?, ?> m -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          json.writeFieldName(String.valueOf(e.getKey()));
          value(json, e.getValue());
        }
        json.writeEndObject();
      }
      case List<?> l -> {
        json.writeStartArray();
        for (Object item : l) {
          value(json, item);
        }
        json.writeEndArray();
      }
      default ->
          throw new IllegalArgumentException(
              "an EMF line holds no " + v.getClass().getSimpleName());
    }
  }
}
