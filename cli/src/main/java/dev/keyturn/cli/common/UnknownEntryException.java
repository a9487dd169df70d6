package dev.keyturn.cli.common;

/** No inventory entry has this name (in the applied table). */
public final class UnknownEntryException extends RuntimeException {

  private final String name;

  public UnknownEntryException(String name) {
    super(
        "no inventory entry named "
            + name
            + " in the table (keyturn status lists them; keyturn apply writes the inventory)");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
