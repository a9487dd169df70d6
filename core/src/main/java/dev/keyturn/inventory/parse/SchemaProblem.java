package dev.keyturn.inventory.parse;

/**
 * Something structurally wrong with the inventory file.
 *
 * @param path where, e.g. {@code secrets[2].sinks[0].heroku.app}
 * @param message what is wrong, in plain words (never a value of the file)
 * @param position where in the file when the problem knows better than its path (a duplicate key, a
 *     syntax error); null to locate it by its path
 */
public record SchemaProblem(String path, String message, Position position) {

  public SchemaProblem(String path, String message) {
    this(path, message, null);
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
