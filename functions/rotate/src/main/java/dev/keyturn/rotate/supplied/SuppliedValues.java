package dev.keyturn.rotate.supplied;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The checks a value a person supplies passes before it becomes AWSPENDING (and again in
 * testSecret): not empty, not the current value, and of the current value's shape: a JSON object
 * stays a JSON object with the same keys ({@code {"key_id","secret_key"}} stays that), and carries
 * every field a sink publishes. Failures name keys and entries, never a value.
 */
public final class SuppliedValues {

  private SuppliedValues() {}

  /**
   * @param current the AWSCURRENT (or SSM {@code current}) value; null when there is none yet
   * @throws SuppliedValueRejectedException naming the problem
   */
  public static void check(SecretEntry entry, String value, String current) {
    if (value == null || value.isBlank()) {
      throw new SuppliedValueRejectedException(entry.name(), "the value is empty");
    }
    if (current != null && Objects.equals(value, current)) {
      throw new SuppliedValueRejectedException(
          entry.name(),
          "the value is the current one: create a new credential at the vendor first");
    }
    JsonNode currentJson = jsonObject(current);
    List<String> fields = sinkFields(entry);
    if (currentJson == null && fields.isEmpty()) {
      return;
    }
    JsonNode supplied = jsonObject(value);
    if (supplied == null) {
      throw new SuppliedValueRejectedException(
          entry.name(),
          "the value must be a JSON object"
              + (currentJson != null
                  ? " with the keys " + keys(currentJson)
                  : " with the fields " + fields));
    }
    if (currentJson != null && !keys(currentJson).equals(keys(supplied))) {
      throw new SuppliedValueRejectedException(
          entry.name(),
          "the JSON object has the keys "
              + keys(supplied)
              + "; the current value has "
              + keys(currentJson));
    }
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      JsonNode v = supplied.get(field);
      if (v == null || v.isNull() || (v.isValueNode() && v.asText().isBlank())) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new SuppliedValueRejectedException(
          entry.name(), "the JSON object has no value for the sink field(s) " + missing);
    }
  }

  /** The value as a JSON object, or null when it is not one. */
  private static JsonNode jsonObject(String value) {
    if (value == null || !value.strip().startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = Json.tree(value);
      return node.isObject() ? node : null;
    } catch (Json.JsonException e) {
      return null;
    }
  }

  private static TreeSet<String> keys(JsonNode object) {
    TreeSet<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> sinkFields(SecretEntry entry) {
    return entry.sinks().stream().map(Sink::field).filter(Objects::nonNull).distinct().toList();
  }
}
