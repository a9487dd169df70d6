package dev.keyturn.inventory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The taxonomy tags of an entry, as written. Each dimension should carry exactly one value; the
 * lint reports anything else, so this keeps what the file said.
 */
public record Tags(Map<TagDimension, List<String>> values) {

  public Tags {
    EnumMap<TagDimension, List<String>> copy = new EnumMap<>(TagDimension.class);
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = java.util.Collections.unmodifiableMap(copy);
  }

  public static Tags of(String function, String sensitivity, String consumer, String rotation) {
    return new Tags(
        Map.of(
            TagDimension.FUNCTION, List.of(function),
            TagDimension.SENSITIVITY, List.of(sensitivity),
            TagDimension.CONSUMER, List.of(consumer),
            TagDimension.ROTATION, List.of(rotation)));
  }

  /** All values given for a dimension (normally one). */
  public List<String> all(TagDimension dimension) {
    return values.getOrDefault(dimension, List.of());
  }

  /** The value of a dimension when exactly one was given. */
  public Optional<String> get(TagDimension dimension) {
    List<String> given = all(dimension);
    return given.size() == 1 ? Optional.of(given.getFirst()) : Optional.empty();
  }

  public Optional<String> sensitivity() {
    return get(TagDimension.SENSITIVITY);
  }

  public Optional<String> rotation() {
    return get(TagDimension.ROTATION);
  }

  public Optional<String> consumer() {
    return get(TagDimension.CONSUMER);
  }

  public Optional<String> function() {
    return get(TagDimension.FUNCTION);
  }
}
