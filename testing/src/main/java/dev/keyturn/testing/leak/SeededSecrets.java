package dev.keyturn.testing.leak;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value a test seeds (into moto, a fake sink, a webhook) is registered here, so the
 * leak guard can prove none of them shows up in log output or in the state table.
 */
public final class SeededSecrets {

  /** Shorter values would match unrelated output and make the guard cry wolf. */
  public static final int MIN_LENGTH = 8;

  /** Prefix of generated values: recognisable in a heap dump, unlikely anywhere else. */
  public static final String PREFIX = "kt-seed-";

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int RANDOM_LENGTH = 24;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

  private SeededSecrets() {}

  /** Registers {@code value} and returns it, so seeding and registering is one expression. */
  public static String register(String value) {
    Objects.requireNonNull(value, "seeded secret");
    if (value.length() < MIN_LENGTH) {
      // the message names the rule, never the value
      throw new IllegalArgumentException(
          "a seeded secret needs at least " + MIN_LENGTH + " characters to be detectable");
    }
    VALUES.add(value);
    return value;
  }

  /**
   * A fresh random value such as {@code kt-seed-heroku-api-key-Xf3...}, already registered. The
   * label (letters, digits, dashes) only makes the value recognisable; it is not secret.
   */
  public static String generate(String label) {
    String safeLabel = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    StringBuilder value = new StringBuilder(PREFIX).append(safeLabel).append('-');
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return register(value.toString());
  }

  /** A snapshot of every value registered in this JVM so far. */
  public static Set<String> values() {
    return Set.copyOf(VALUES);
  }
}
