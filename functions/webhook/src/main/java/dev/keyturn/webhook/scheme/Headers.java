package dev.keyturn.webhook.scheme;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP request headers with case-insensitive names (RFC 9110), values trimmed of surrounding
 * whitespace. Immutable.
 *
 * <p>The map is read as the caller hands it over, never copied: a Function URL gives the function
 * its headers with lower-case names, and copying a dozen headers per request would cost more than
 * the checks around a MAC. A lookup tries the name as asked (schemes ask in lower case), and only
 * when that misses compares it, ignoring case, with the names of the same length; a name that is
 * there in lower case wins, otherwise the last one in iteration order. Null names and values count
 * as absent. The map must not change while the headers are in use (a Function URL event's never
 * does).
 */
public final class Headers {

  private static final Headers EMPTY = new Headers(Map.of());

  private final Map<String, String> raw;
  private Map<String, String> normalised;

  private Headers(Map<String, String> raw) {
    this.raw = raw;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Headers from a map as an HTTP event carries them (read in place, not copied). */
  public static Headers of(Map<String, String> headers) {
    return headers == null || headers.isEmpty() ? EMPTY : new Headers(headers);
  }

  /** Headers from alternating names and values: {@code of("A", "1", "B", "2")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return of(map);
  }

  /** The value of a header, trimmed, or null when absent. The name's case does not matter. */
  public String get(String name) {
    if (name == null) {
      return null;
    }
    String value = raw.get(name); // hot path: schemes ask with lower-case names
    if (value == null) {
      value = ignoringCase(name);
    }
    return value == null ? null : value.strip(); // strip() returns a trimmed value itself
  }

  /** A miss of the exact name: the last same-length name equal to it ignoring case, if any. */
  private String ignoringCase(String name) {
    String lower = lowerCase(name);
    if (!lower.equals(name)) {
      String value = raw.get(lower);
      if (value != null) {
        return value;
      }
    }
    String found = null;
    int length = name.length();
    for (Map.Entry<String, String> header : raw.entrySet()) {
      String key = header.getKey();
      if (key != null && key.length() == length && key.equalsIgnoreCase(name)) {
        found = header.getValue() != null ? header.getValue() : found;
      }
    }
    return found;
  }

  /** All headers, names in lower case, values trimmed, nulls dropped. */
  public Map<String, String> asMap() {
    Map<String, String> map = normalised;
    if (map == null) {
      map = HashMap.newHashMap(raw.size());
      for (Map.Entry<String, String> header : raw.entrySet()) {
        if (header.getKey() != null && header.getValue() != null) {
          String lower = lowerCase(header.getKey());
          // a lower-case name wins; among others, the later one in iteration order
          if (lower.equals(header.getKey()) || !raw.containsKey(lower)) {
            map.put(lower, header.getValue().strip());
          }
        }
      }
      map = Collections.unmodifiableMap(map);
      normalised = map;
    }
    return map;
  }

  private static String lowerCase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Headers that && asMap().equals(that.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  /** Names only: header values can carry signatures, which never go into logs. */
  @Override
  public String toString() {
    return "Headers" + asMap().keySet();
  }
}
