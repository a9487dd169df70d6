package dev.keyturn.sync.plan;

/**
 * Masks a secret value for display: {@code ***} for short values, else at most its first and last
 * character and its length ({@code s***k (40 chars)}), so an operator can tell two values apart
 * without learning either.
 */
public final class Mask {

  /** Values shorter than this show nothing but {@code ***}. */
  static final int MIN_LENGTH_FOR_HINT = 16;

  private Mask() {}

  public static String of(String value) {
    if (value == null) {
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH_FOR_HINT) {
      return "***";
    }
    String first = new String(Character.toChars(value.codePointAt(0)));
    String last = new String(Character.toChars(value.codePointBefore(value.length())));
    if (first.isBlank() || last.isBlank()) {
      return "*** (" + length + " chars)";
    }
    return first + "***" + last + " (" + length + " chars)";
  }
}
