package dev.keyturn.rotate.generator.password;

/** The character classes of Secrets Manager's GetRandomPassword, with the exact characters. */
public enum CharacterClass {
  UPPERCASE("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
  LOWERCASE("abcdefghijklmnopqrstuvwxyz"),
  NUMBERS("0123456789"),
  /** The punctuation GetRandomPassword draws from (ASCII 33-47, 58-64, 91-96, 123-126). */
  PUNCTUATION("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

  private final String characters;

  CharacterClass(String characters) {
    this.characters = characters;
  }

  public String characters() {
    return characters;
  }

  /** Plain name used in messages, e.g. "uppercase". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
