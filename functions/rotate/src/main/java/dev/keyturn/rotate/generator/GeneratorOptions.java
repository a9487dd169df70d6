package dev.keyturn.rotate.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a generator's string options, applying defaults and collecting every problem instead of
 * stopping at the first, so the linter can report them all at once. A bad value yields its default
 * (so reading can go on) plus a problem. Problems name the option, never its value.
 */
public final class GeneratorOptions {

  /** The inventory's {@code generator.type} key, tolerated if passed along with the options. */
  public static final String TYPE_KEY = "type";

  private final Map<String, String> options;
  private final List<String> problems = new ArrayList<>();

  /** Reads {@code options}; every key that is not in {@code known} (or "type") is a problem. */
  public GeneratorOptions(Map<String, String> options, Set<String> known) {
    this.options = options == null ? Map.of() : options;
    for (String name : new TreeSet<>(this.options.keySet())) {
      if (!known.contains(name) && !TYPE_KEY.equals(name)) {
        problems.add(
            "unknown option '"
                + name
                + "' (known options: "
                + String.join(", ", new TreeSet<>(known))
                + ")");
      }
    }
  }

  /** A whole number in {@code [min, max]}, or {@code defaultValue} when absent. */
  public int integer(String name, int defaultValue, int min, int max) {
    String raw = options.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, like an out-of-range number
    }
    problem("option '" + name + "' must be a whole number from " + min + " to " + max);
    return defaultValue;
  }

  /** {@code true} or {@code false} (any case), or {@code defaultValue} when absent. */
  public boolean bool(String name, boolean defaultValue) {
    String raw = options.get(name);
    if (raw == null) {
      return defaultValue;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem("option '" + name + "' must be true or false");
        yield defaultValue;
      }
    };
  }

  /** The option's text as given (may be empty), or {@code defaultValue} when absent. */
  public String text(String name, String defaultValue) {
    String raw = options.get(name);
    return raw == null ? defaultValue : raw;
  }

  /** One of the named {@code choices} (case-insensitive), or {@code defaultValue} when absent. */
  public <T> T oneOf(String name, T defaultValue, Map<String, T> choices) {
    String raw = options.get(name);
    if (raw == null) {
      return defaultValue;
    }
    T chosen = choices.get(raw.strip().toLowerCase(Locale.ROOT));
    if (chosen == null) {
      problem(
          "option '"
              + name
              + "' must be one of: "
              + String.join(", ", new TreeSet<>(choices.keySet())));
      return defaultValue;
    }
    return chosen;
  }

  /** Whether the option was given at all. */
  public boolean has(String name) {
    return options.containsKey(name);
  }

  /** Adds a problem found by the generator itself (e.g. options that contradict each other). */
  public void problem(String description) {
    problems.add(description);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * @throws InvalidGeneratorOptionsException when any problem was found
   */
  public void requireValid(String type) {
    if (!problems.isEmpty()) {
      throw new InvalidGeneratorOptionsException(type, problems);
    }
  }
}
