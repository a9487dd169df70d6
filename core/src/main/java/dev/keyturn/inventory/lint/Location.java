package dev.keyturn.inventory.lint;

/**
 * Where a finding is: the file and the 1-based line and column, as compilers print them.
 *
 * @param file the inventory file as given
 * @param line the line
 * @param column the column
 */
public record Location(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
