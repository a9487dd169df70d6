package dev.keyturn.evidence;

/** The signing key is missing, unusable or not allowed: names the key and the reason. */
public final class EvidenceKeyException extends RuntimeException {

  public EvidenceKeyException(String message) {
    super(message);
  }

  public EvidenceKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
