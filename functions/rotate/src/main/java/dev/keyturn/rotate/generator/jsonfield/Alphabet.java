package dev.keyturn.rotate.generator.jsonfield;

import java.util.Locale;

/** The character sets json-field draws regenerated values from. */
public enum Alphabet {
  /** A-Z, a-z, 0-9: safe in URLs, shells, env vars and connection strings. */
  ALNUM("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
  /** Lowercase hexadecimal digits. */
  HEX("0123456789abcdef"),
  /** Decimal digits. */
  NUMERIC("0123456789"),
  /** The RFC 4648 URL-safe base64 alphabet (alnum plus '-' and '_'). */
  BASE64URL("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

  private final String characters;

  Alphabet(String characters) {
    this.characters = characters;
  }

  public String characters() {
    return characters;
  }

  /** The name used in the {@code alphabet} option. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether every character of {@code text} belongs to this alphabet. */
  public boolean contains(String text) {
    return text.chars().allMatch(c -> characters.indexOf(c) >= 0);
  }
}
