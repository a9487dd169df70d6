package dev.keyturn.rotate.sweep;

/** An inventory entry names an SSM parameter that does not exist. */
public final class ParameterMissingException extends RuntimeException {
  public ParameterMissingException(String secretName, String path) {
    super("parameter " + path + " of inventory entry " + secretName + " does not exist");
  }
}
