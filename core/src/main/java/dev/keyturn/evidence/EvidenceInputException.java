package dev.keyturn.evidence;

/** An input of the export or the verification is missing or unreadable: names it. */
public final class EvidenceInputException extends RuntimeException {

  public EvidenceInputException(String message) {
    super(message);
  }
}
