package dev.keyturn.rotate.generator;

/**
 * A value does not have the shape its generator produces. Thrown by {@link
 * SecretGenerator#checkWellFormed} (which has no secret name: callers that know it use {@link
 * #forSecret}) and by readers of generated values such as the JWT key reader.
 */
public final class MalformedSecretValueException extends GenerationException {

  private final String secretName;
  private final String problem;

  public MalformedSecretValueException(String problem) {
    this(null, problem);
  }

  public MalformedSecretValueException(String secretName, String problem) {
    super(
        (secretName == null ? "secret value" : "value of secret '" + secretName + "'")
            + " is malformed: "
            + problem);
    this.secretName = secretName;
    this.problem = problem;
  }

  /** The same problem, attributed to a named secret. */
  public MalformedSecretValueException forSecret(String name) {
    return new MalformedSecretValueException(name, problem);
  }

  /** The secret's name, or null when the thrower did not know it. */
  public String secretName() {
    return secretName;
  }

  /** What is wrong, in words that never quote the value. */
  public String problem() {
    return problem;
  }
}
