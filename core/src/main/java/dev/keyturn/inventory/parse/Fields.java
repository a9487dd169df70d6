package dev.keyturn.inventory.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one YAML mapping with a path for messages, collecting problems instead of throwing, so a
 * broken file reports everything wrong with it at once.
 */
final class Fields {

  private final JsonNode node;
  private final String path;
  private final List<SchemaProblem> problems;

  Fields(JsonNode node, String path, List<SchemaProblem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** The keys of this mapping, in file order. */
  List<String> keys() {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  void problem(String where, String message) {
    problems.add(new SchemaProblem(where, message));
  }

  /**
   * Flags keys this mapping does not know (typos would otherwise be silently ignored), naming the
   * known key a typo most likely meant.
   */
  void allowOnly(Set<String> known) {
    node.fieldNames()
        .forEachRemaining(k -> {
          if (!known.contains(k)) {
            problem(
                child(k),
                Suggestions.nearest(k, known)
                    .map(s -> "unknown key `" + k + "` (did you mean `" + s + "`?)")
                    .orElse(
                        "unknown key `"
                            + k
                            + "` (expected one of "
                            + String.join(", ", new java.util.TreeSet<>(known))
                            + ")"));
          }
        });
  }

  String requiredText(String key) {
    if (!has(key)) {
      problem(child(key), "is required");
      return null;
    }
    return text(key);
  }

  String text(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      problem(child(key), "must be a single value");
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  Integer integer(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      problem(child(key), "must be a whole number");
      return null;
    }
    return v.asInt();
  }

  /** A list of scalars; a single scalar counts as a one-element list. */
  List<String> texts(String key) {
    JsonNode v = node.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isValueNode()) {
      out.add(v.asText().strip());
      return out;
    }
    if (!v.isArray()) {
      problem(child(key), "must be a list of values");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (item.isValueNode() && !item.isNull()) {
        out.add(item.asText().strip());
      } else {
        problem(child(key) + "[" + i + "]", "must be a single value");
      }
    }
    return out;
  }

  /** A list of mappings, each wrapped for reading. */
  List<Fields> objects(String key) {
    JsonNode v = node.get(key);
    List<Fields> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problem(child(key), "must be a list");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      String where = child(key) + "[" + i + "]";
      if (v.get(i).isObject()) {
        out.add(new Fields(v.get(i), where, problems));
      } else {
        problem(where, "must be a mapping");
      }
    }
    return out;
  }

  /** A nested mapping, or null (with a problem) when it is something else. */
  Fields object(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      problem(child(key), "must be a mapping");
      return null;
    }
    return new Fields(v, child(key), problems);
  }

  /** The scalar entries of this mapping except the excluded keys, as strings. */
  Map<String, String> scalarsExcept(Set<String> excluded) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(e -> {
          if (excluded.contains(e.getKey())) {
            return;
          }
          JsonNode v = e.getValue();
          if (v.isValueNode() && !v.isNull()) {
            out.put(e.getKey(), v.asText());
          } else if (v.isArray() && allScalars(v)) {
            List<String> parts = new ArrayList<>();
            v.forEach(p -> parts.add(p.asText()));
            out.put(e.getKey(), String.join(",", parts));
          } else {
            problem(child(e.getKey()), "must be a single value or a list of values");
          }
        });
    return out;
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isValueNode() || n.isNull()) {
        return false;
      }
    }
    return true;
  }

  JsonNode raw(String key) {
    return node.get(key);
  }
}
