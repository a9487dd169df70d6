package dev.keyturn.rotate.create;

/** {@code --create} found the entry's source already there: it is rotated, never re-created. */
public final class SourceAlreadyExistsException extends RuntimeException {

  public SourceAlreadyExistsException(String name, String sourceId) {
    super(
        "cannot create "
            + name
            + ": "
            + sourceId
            + " already exists (keyturn rotate "
            + name
            + " rotates it)");
  }
}
