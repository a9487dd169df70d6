package dev.keyturn.secrets;

/** A secret or parameter named in the inventory does not exist (or has no current value). */
public class SecretNotFoundException extends RuntimeException {
  private final String id;

  public SecretNotFoundException(String id) {
    super("secret not found: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
