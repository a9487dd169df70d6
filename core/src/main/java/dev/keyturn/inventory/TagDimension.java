package dev.keyturn.inventory;

/** The four tag dimensions of the vault token taxonomy. */
public enum TagDimension {
  FUNCTION("function"),
  SENSITIVITY("sensitivity"),
  CONSUMER("consumer"),
  ROTATION("rotation");

  private final String key;

  TagDimension(String key) {
    this.key = key;
  }

  /** The key used in the inventory file. */
  public String key() {
    return key;
  }
}
