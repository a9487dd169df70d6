package dev.keyturn.inventory.parse;

import java.nio.file.Path;

/** The inventory file cannot be read at all: it is not there, or not readable. Names the path. */
public final class InventoryFileException extends RuntimeException {

  private final Path file;

  public InventoryFileException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** {@code no such file: PATH}. */
  public static InventoryFileException missing(Path file) {
    return new InventoryFileException(file, "no such file: " + file);
  }

  public Path file() {
    return file;
  }
}
