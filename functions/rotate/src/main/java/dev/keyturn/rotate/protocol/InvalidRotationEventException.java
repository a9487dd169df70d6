package dev.keyturn.rotate.protocol;

/** The invocation is not a rotation event. Names the field, never echoes the input. */
public final class InvalidRotationEventException extends RuntimeException {
  public InvalidRotationEventException(String problem) {
    super("not a rotation event: " + problem);
  }
}
