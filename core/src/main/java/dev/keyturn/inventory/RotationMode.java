package dev.keyturn.inventory;

import java.util.Locale;

/**
 * How an entry gets a new value. Every entry has exactly one, derived from the inventory (never
 * declared): {@code rotation: non-rotating} is {@link #NONE}; an entry with a generator has that
 * generator type's mode ({@link GeneratorTypes}); an entry that rotates without a generator is
 * {@link #OPERATOR}.
 */
public enum RotationMode {
  /** keyturn mints the value (passwords, HMAC keys, JWT keys, database passwords). */
  GENERATED,
  /** keyturn asks the vendor's API for a new credential (Heroku, AWS IAM). */
  VENDOR,
  /**
   * A person creates the new credential at the vendor's dashboard and hands it to keyturn ({@code
   * keyturn rotate NAME --from-stdin}); keyturn never invents it.
   */
  OPERATOR,
  /** The value does not rotate by design ({@code rotation: non-rotating}). */
  NONE;

  /** The entry's mode. */
  public static RotationMode of(SecretEntry entry) {
    if (Cadence.NON_ROTATING.tag().equals(entry.tags().rotation().orElse(null))) {
      return NONE;
    }
    if (entry.generator() != null) {
      return GeneratorTypes.modeOf(entry.generator().type());
    }
    return OPERATOR;
  }

  /** How the mode is written in output and JSON: {@code generated}, {@code vendor}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether keyturn produces the value itself (with or without the vendor's API). */
  public boolean automatic() {
    return this == GENERATED || this == VENDOR;
  }
}
