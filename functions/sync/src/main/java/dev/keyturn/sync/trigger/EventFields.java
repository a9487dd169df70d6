package dev.keyturn.sync.trigger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Null-safe reads from the loosely typed event map the Lambda runtime hands over. */
final class EventFields {

  private EventFields() {}

  static Map<?, ?> map(Object parent, String key) {
    Object v = parent instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof Map<?, ?> m ? m : Map.of();
  }

  static String text(Object parent, String key) {
    Object v = parent instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof String s && !s.isBlank() ? s : null;
  }

  static boolean flag(Object parent, String key) {
    Object v = parent instanceof Map<?, ?> m ? m.get(key) : null;
    return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(Objects.toString(v, ""));
  }

  static List<String> texts(Object parent, String key) {
    Object v = parent instanceof Map<?, ?> m ? m.get(key) : null;
    if (v instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return v instanceof String s ? List.of(s) : List.of();
  }
}
