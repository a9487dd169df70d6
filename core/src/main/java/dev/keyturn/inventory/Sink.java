package dev.keyturn.inventory;

/** Where a secret's value is published. */
public sealed interface Sink {

  /** The config var / variable name the value is published under. */
  String var();

  /**
   * A Heroku config var.
   *
   * @param previousVar an old name kept in step during a rename; deleted once removed from here
   */
  record Heroku(String app, String var, String previousVar) implements Sink {}

  /** A line of a local {@code .env} file, for development. */
  record Dotenv(String file, String var) implements Sink {}
}
