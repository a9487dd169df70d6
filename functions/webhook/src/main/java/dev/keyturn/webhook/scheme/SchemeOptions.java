package dev.keyturn.webhook.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scheme's string options and collects every problem instead of stopping at the first, so
 * the inventory linter can report them all. Problems name options, never values.
 */
final class SchemeOptions {

  static final String TOLERANCE_SECONDS = "toleranceSeconds";

  /** A source's replay window, for schemes that sign no timestamp. */
  static final String REPLAY_TTL = "replayTtl";

  static final java.time.Duration MIN_REPLAY_TTL = java.time.Duration.ofHours(1);
  static final java.time.Duration MAX_REPLAY_TTL = java.time.Duration.ofDays(400);

  /** One problem with one option. */
  record Problem(String option, String message) {}

  private final String scheme;
  private final Map<String, String> values;
  private final List<Problem> problems = new ArrayList<>();

  SchemeOptions(String scheme, Map<String, String> values, Set<String> allowed) {
    this.scheme = scheme;
    this.values = values == null ? Map.of() : values;
    for (String option : this.values.keySet()) {
      if (option == null || !allowed.contains(option)) {
        problem(String.valueOf(option), "is not an option of this scheme; allowed: " + allowed);
      }
    }
  }

  List<Problem> problems() {
    return problems;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** {@code toleranceSeconds}: whole seconds, 1 to 86400, default 300. */
  long toleranceSeconds() {
    String text = values.get(TOLERANCE_SECONDS);
    if (text == null) {
      return Timestamps.DEFAULT_TOLERANCE_SECONDS;
    }
    long seconds = Timestamps.parseSeconds(text.strip());
    if (seconds < 1 || seconds > Timestamps.MAX_TOLERANCE_SECONDS) {
      problem(
          TOLERANCE_SECONDS, "must be whole seconds from 1 to " + Timestamps.MAX_TOLERANCE_SECONDS);
      return Timestamps.DEFAULT_TOLERANCE_SECONDS;
    }
    return seconds;
  }

  /**
   * {@code keyType}: what the stored secret is, default {@code hmac}; a type the scheme has no use
   * for is a problem.
   */
  KeyType keyType(java.util.Set<KeyType> supported) {
    String value = values.get(KeyType.OPTION);
    if (value == null) {
      return KeyType.HMAC;
    }
    for (KeyType type : KeyType.values()) {
      if (type.optionValue().equals(value)) {
        if (!supported.contains(type)) {
          problem(
              KeyType.OPTION,
              "must be one of "
                  + supported.stream().map(KeyType::optionValue).sorted().toList()
                  + " for this scheme");
          return KeyType.HMAC;
        }
        return type;
      }
    }
    problem(KeyType.OPTION, "must be hmac or ed25519-public");
    return KeyType.HMAC;
  }

  /**
   * {@code replayTtl}: whole days, hours or minutes ({@code 30d}, {@code 48h}, {@code 90m}), from 1
   * hour to 400 days; null when absent.
   */
  java.time.Duration replayTtl() {
    String value = values.get(REPLAY_TTL);
    if (value == null) {
      return null;
    }
    java.time.Duration ttl = parseReplayTtl(value);
    if (ttl == null || ttl.compareTo(MIN_REPLAY_TTL) < 0 || ttl.compareTo(MAX_REPLAY_TTL) > 0) {
      problem(REPLAY_TTL, "must be whole days, hours or minutes (30d, 48h, 90m), from 1h to 400d");
      return null;
    }
    return ttl;
  }

  /** {@code <n>d}, {@code <n>h} or {@code <n>m}; null when not of that form. */
  static java.time.Duration parseReplayTtl(String text) {
    String value = text.strip();
    if (value.length() < 2 || value.length() > 8) {
      return null;
    }
    long amount = Timestamps.parseSeconds(value.substring(0, value.length() - 1));
    if (amount == Timestamps.MALFORMED) {
      return null;
    }
    return switch (value.charAt(value.length() - 1)) {
      case 'd' -> java.time.Duration.ofDays(amount);
      case 'h' -> java.time.Duration.ofHours(amount);
      case 'm' -> java.time.Duration.ofMinutes(amount);
      default -> null;
    };
  }

  /** A required HTTP header name (an RFC 9110 token). */
  String requiredHeaderName(String option) {
    String value = values.get(option);
    if (value == null || value.isBlank()) {
      problem(option, "is required");
      return null;
    }
    return headerName(option, value);
  }

  /** An optional HTTP header name, or null when absent. */
  String optionalHeaderName(String option) {
    String value = values.get(option);
    return value == null ? null : headerName(option, value);
  }

  /** Optional free text of printable ASCII, at most 64 characters; "" when absent. */
  String optionalPrintable(String option) {
    String value = values.get(option);
    if (value == null) {
      return "";
    }
    if (value.length() > 64 || !value.chars().allMatch(c -> c > ' ' && c <= '~')) {
      problem(option, "must be at most 64 printable ASCII characters without spaces");
    }
    return value;
  }

  /** One of an enum's option values, or the default when absent. */
  <E extends Enum<E>> E choice(
      String option, E defaultValue, E[] choices, java.util.function.Function<E, String> valueOf) {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    List<String> allowed = new ArrayList<>();
    for (E choice : choices) {
      if (valueOf.apply(choice).equals(value)) {
        return choice;
      }
      allowed.add(valueOf.apply(choice));
    }
    problem(option, "must be one of " + allowed);
    return defaultValue;
  }

  private String headerName(String option, String value) {
    if (!isToken(value)) {
      problem(option, "must be an HTTP header name");
      return null;
    }
    return value;
  }

  private static boolean isToken(String value) {
    if (value.isEmpty() || value.length() > 128) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private void problem(String option, String what) {
    problems.add(new Problem(option, scheme + ": option '" + option + "' " + what));
  }
}
