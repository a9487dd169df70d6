package dev.keyturn.inventory.parse;

/**
 * Where something is in the inventory file, 1-based, as editors count.
 *
 * @param line the line
 * @param column the column
 */
public record Position(int line, int column) {

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
