package dev.keyturn.secrets;

/** A create-if-absent found the secret or parameter already there, holding something else. */
public final class SourceExistsException extends RuntimeException {

  private final String id;

  /**
   * @param what e.g. {@code secret} or {@code SSM parameter}
   * @param id the name or path
   */
  public SourceExistsException(String what, String id) {
    super(what + " " + id + " already exists with another value; it was left unchanged");
    this.id = id;
  }

  public String id() {
    return id;
  }
}
