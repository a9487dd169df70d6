package dev.keyturn.secrets;

import java.util.Map;

/** Creates an SSM SecureString parameter with a first value, once. */
public interface ParameterCreator {

  /**
   * Creates the parameter as a SecureString (the account's default key) with the given tags, unless
   * it exists. Safe to repeat: a SecureString that already holds exactly this value is success.
   *
   * @throws SourceExistsException when the parameter exists with another value or type (nothing is
   *     changed)
   */
  Creation createIfAbsent(String name, String value, Map<String, String> tags);
}
