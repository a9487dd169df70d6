package dev.keyturn.inventory.parse;

/**
 * Something structurally wrong with the inventory file.
 *
 * @param path where, e.g. {@code secrets[2].sinks[0].heroku.app}
 * @param message what is wrong, in plain words (never a value of the file)
 */
public record SchemaProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
