package dev.keyturn.rotate.refusal;

import dev.keyturn.rotate.protocol.RotationRefusedException;

/**
 * The rotation of a vendor-issued credential is refused: the last rotation has not reached {@code
 * confirmed}, and this one would retire the credential that rotation replaced. Names the entry, the
 * last rotation's version and its stage; never a value.
 */
public final class RotationUnconfirmedException extends RotationRefusedException {

  private final String lastVersion;
  private final String stage;

  public RotationUnconfirmedException(
      String secretName, String lastVersion, String stage, String reason) {
    super(
        secretName,
        "rotation of "
            + secretName
            + " refused: "
            + reason
            + "; rotate once it is confirmed, or keyturn rotate "
            + secretName
            + " --force");
    this.lastVersion = lastVersion;
    this.stage = stage;
  }

  public String lastVersion() {
    return lastVersion;
  }

  /** The last rotation's life-cycle stage: {@code finished} or {@code published}. */
  public String stage() {
    return stage;
  }
}
