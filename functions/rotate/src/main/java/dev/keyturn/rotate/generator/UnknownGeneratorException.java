package dev.keyturn.rotate.generator;

/** No generator is registered under the requested type. */
public final class UnknownGeneratorException extends GenerationException {

  private final String type;

  public UnknownGeneratorException(String type) {
    super("unknown generator type '" + type + "'");
    this.type = type;
  }

  public String type() {
    return type;
  }
}
