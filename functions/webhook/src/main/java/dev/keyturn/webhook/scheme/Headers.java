package dev.keyturn.webhook.scheme;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP request headers with case-insensitive names (RFC 9110), values trimmed of surrounding
 * whitespace. Immutable.
 */
public final class Headers {

  private static final Headers EMPTY = new Headers(Map.of());

  private final Map<String, String> byLowerCaseName;

  private Headers(Map<String, String> byLowerCaseName) {
    this.byLowerCaseName = byLowerCaseName;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * Headers from a map as an HTTP event carries them. Null names or values are dropped; when two
   * names differ only in case, the later one in iteration order wins.
   */
  public static Headers of(Map<String, String> headers) {
    if (headers == null || headers.isEmpty()) {
      return EMPTY;
    }
    Map<String, String> normalised = HashMap.newHashMap(headers.size());
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null && header.getValue() != null) {
        normalised.put(lowerCase(header.getKey()), header.getValue().strip());
      }
    }
    return new Headers(Collections.unmodifiableMap(normalised));
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

  /** The value of a header, or null when absent. The name's case does not matter. */
  public String get(String name) {
    if (name == null) {
      return null;
    }
    String value = byLowerCaseName.get(name); // hot path: schemes ask with lower-case names
    return value != null ? value : byLowerCaseName.get(lowerCase(name));
  }

  /** All headers, names in lower case. */
  public Map<String, String> asMap() {
    return byLowerCaseName;
  }

  private static String lowerCase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Headers that && byLowerCaseName.equals(that.byLowerCaseName);
  }

  @Override
  public int hashCode() {
    return byLowerCaseName.hashCode();
  }

  /** Names only: header values can carry signatures, which never go into logs. */
  @Override
  public String toString() {
    return "Headers" + byLowerCaseName.keySet();
  }
}
