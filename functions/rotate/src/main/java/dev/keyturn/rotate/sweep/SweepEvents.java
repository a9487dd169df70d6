package dev.keyturn.rotate.sweep;

/** Event detail types the sweep publishes beyond those in {@code EventPublisher.Types}. */
public final class SweepEvents {

  /** A parameter is due but keyturn cannot rotate it (no generator): a person must. */
  public static final String SECRET_ROTATION_DUE = "SecretRotationDue";

  private SweepEvents() {}
}
