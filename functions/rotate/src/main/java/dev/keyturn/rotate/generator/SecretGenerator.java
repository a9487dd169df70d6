package dev.keyturn.rotate.generator;

import java.util.List;
import java.util.Map;

/**
 * Makes new values for one kind of secret. Registered in {@link GeneratorRegistry} under {@link
 * #type()}, which is the inventory entry's {@code generator.type}; the entry's other generator keys
 * arrive as {@code options} (YAML scalars as strings; a {@code type} key, if present, is ignored).
 */
public interface SecretGenerator {

  /** The inventory name of this generator, e.g. {@code hmac-key}. */
  String type();

  /**
   * Problems with the options, in plain words naming the option (never echoing its value). Empty
   * when the options are valid. Never throws for bad options.
   */
  List<String> validate(Map<String, String> options);

  /**
   * A new value, exactly as it is to be stored in Secrets Manager.
   *
   * @throws InvalidGeneratorOptionsException when {@link #validate} would report problems
   * @throws CorruptCurrentValueException when the current value is needed but cannot be read
   */
  String generate(GenerationRequest request);

  /**
   * Checks that a value has the shape this generator produces with these options (used by the
   * rotation's testSecret step).
   *
   * @throws MalformedSecretValueException naming the problem, never the value
   * @throws InvalidGeneratorOptionsException when the options themselves are invalid
   */
  void checkWellFormed(String value, Map<String, String> options);
}
