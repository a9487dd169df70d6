package dev.keyturn.rotate.generator;

/**
 * The secret's current value is needed to make the next one (it carries keys or fields forward) but
 * does not have the expected shape. Rotation must stop rather than discard what it holds.
 */
public final class CorruptCurrentValueException extends GenerationException {

  private final String secretName;
  private final String problem;

  public CorruptCurrentValueException(String secretName, String problem) {
    super("current value of secret '" + secretName + "' cannot be used: " + problem);
    this.secretName = secretName;
    this.problem = problem;
  }

  public String secretName() {
    return secretName;
  }

  /** What is wrong, in words that never quote the value. */
  public String problem() {
    return problem;
  }
}
