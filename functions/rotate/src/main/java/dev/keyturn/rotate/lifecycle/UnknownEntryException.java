package dev.keyturn.rotate.lifecycle;

/** The life cycle was asked about an entry the inventory does not have. Names it. */
public final class UnknownEntryException extends RuntimeException {

  public UnknownEntryException(String name) {
    super("no inventory entry named " + name);
  }
}
