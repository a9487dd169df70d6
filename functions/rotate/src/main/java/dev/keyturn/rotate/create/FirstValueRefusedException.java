package dev.keyturn.rotate.create;

/** The first value's origin does not fit the entry's mode. Names only. */
public final class FirstValueRefusedException extends RuntimeException {

  public FirstValueRefusedException(String name, String reason) {
    super("cannot create " + name + ": " + reason);
  }
}
