package dev.keyturn.rotate.sender;

/**
 * A binding names a sender kind no adapter serves (the inventory parser allows only known ones).
 */
public final class UnknownSenderKindException extends RuntimeException {

  public UnknownSenderKindException(String kind) {
    super("no webhook sender adapter for kind " + kind);
  }
}
