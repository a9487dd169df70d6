package dev.keyturn.rotate.sender;

/**
 * A sender refused or did not answer a push or a read. Names the target and the sender's answer
 * (status and error code), never the secret.
 */
public final class SenderPushException extends RuntimeException {

  private final String target;

  public SenderPushException(String target, String reason) {
    super(target + ": " + reason);
    this.target = target;
  }

  public String target() {
    return target;
  }
}
