package dev.keyturn.local;

/**
 * This machine cannot run the local AWS asked for (a missing program, library or Docker engine, an
 * unknown backend name). One line and no stack trace: the fix is an install or a setting, not a
 * debugging session.
 */
public class LocalAwsUnavailableException extends RuntimeException {

  public LocalAwsUnavailableException(String message) {
    super(message, null, false, false);
  }
}
