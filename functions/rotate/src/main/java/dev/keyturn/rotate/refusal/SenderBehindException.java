package dev.keyturn.rotate.refusal;

import dev.keyturn.rotate.protocol.RotationRefusedException;

/**
 * The rotation of a secret that signs webhooks is refused: a sender keyturn cannot reach is not
 * seen signing with the current version, so rotating again would leave it with a version about to
 * lose its label. Names the entry, the source and the version last seen; never a value.
 */
public final class SenderBehindException extends RotationRefusedException {

  private final SenderLag lag;

  public SenderBehindException(String secretName, SenderLag lag, String reason) {
    super(
        secretName,
        "rotation of "
            + secretName
            + " refused: "
            + reason
            + "; rotate once it signs with the current one, or keyturn rotate "
            + secretName
            + " --force");
    this.lag = lag;
  }

  public SenderLag lag() {
    return lag;
  }
}
