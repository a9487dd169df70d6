package dev.keyturn.rotate.protocol;

/**
 * A precheck refused the rotation before anything was written ({@link RotationPrecheck}); the
 * message says why in names and version ids, and how to override.
 */
public class RotationRefusedException extends RotationException {

  public RotationRefusedException(String secretName, String message) {
    super(secretName, message);
  }
}
