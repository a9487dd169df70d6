package dev.keyturn.rotate.generator;

/**
 * The platform could not produce a value (e.g. the JDK refused to generate a key). Carries the
 * generator type and the failure's kind, never any key material.
 */
public final class GeneratorFailedException extends GenerationException {

  private final String type;

  public GeneratorFailedException(String type, String reason) {
    super("generator '" + type + "' failed: " + reason);
    this.type = type;
  }

  public String type() {
    return type;
  }
}
