package dev.keyturn.inventory;

/** Where a secret's value is published. */
public sealed interface Sink {

  /** The config var / variable name the value is published under. */
  String var();

  /**
   * For a secret whose value is a JSON object (e.g. {@code {"key_id", "secret_key"}}): the
   * top-level field to publish instead of the whole value; null publishes the whole value.
   */
  String field();

  /**
   * A Heroku config var.
   *
   * @param previousVar an old name kept in step during a rename; deleted once removed from here
   */
  record Heroku(String app, String var, String previousVar, String field) implements Sink {
    public Heroku(String app, String var, String previousVar) {
      this(app, var, previousVar, null);
    }
  }

  /** A line of a local {@code .env} file, for development. */
  record Dotenv(String file, String var, String field) implements Sink {
    public Dotenv(String file, String var) {
      this(file, var, null);
    }
  }
}
