package dev.keyturn.cli.inventory;

import dev.keyturn.inventory.parse.InventoryFileException;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.state.InventoryApply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An inventory file read once: parsed, and its digest (what the apply audit event records).
 *
 * @param path the file as given
 * @param parsed what the parser made of it
 * @param digest {@code sha256:<hex>} of its bytes
 */
record InventoryFile(Path path, ParsedInventory parsed, String digest) {

  /**
   * @throws InventoryFileException when it is missing or unreadable (exit 2)
   */
  static InventoryFile read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw InventoryFileException.missing(path);
    } catch (IOException e) {
      throw new InventoryFileException(
          path, "cannot read " + path + ": " + e.getClass().getSimpleName());
    }
    return new InventoryFile(
        path, InventoryParser.parse(text, path.toString()), InventoryApply.digest(text));
  }
}
