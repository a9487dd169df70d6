package dev.keyturn.rotate.generator;

import java.util.List;

/** A generator was asked to work with options that {@link SecretGenerator#validate} rejects. */
public final class InvalidGeneratorOptionsException extends GenerationException {

  private final String type;
  private final List<String> problems;

  public InvalidGeneratorOptionsException(String type, List<String> problems) {
    super("invalid options for generator '" + type + "': " + String.join("; ", problems));
    this.type = type;
    this.problems = List.copyOf(problems);
  }

  public String type() {
    return type;
  }

  public List<String> problems() {
    return problems;
  }
}
