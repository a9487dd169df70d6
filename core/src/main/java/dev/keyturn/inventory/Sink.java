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
   * How the value is published: null as it is (or its {@link #field()}); {@value #FORMAT_URL} a
   * connection URL composed from a database or cache secret (see {@code
   * dev.keyturn.connection.ConnectionUrl}).
   */
  String format();

  /** The {@code format} that publishes a connection secret as a URL. */
  String FORMAT_URL = "url";

  /**
   * A Heroku config var.
   *
   * @param previousVar an old name kept in step during a rename; deleted once removed from here
   */
  record Heroku(String app, String var, String previousVar, String field, String format)
      implements Sink {
    public Heroku(String app, String var, String previousVar) {
      this(app, var, previousVar, null, null);
    }

    public Heroku(String app, String var, String previousVar, String field) {
      this(app, var, previousVar, field, null);
    }
  }

  /** A line of a local {@code .env} file, for development. */
  record Dotenv(String file, String var, String field, String format) implements Sink {
    public Dotenv(String file, String var) {
      this(file, var, null, null);
    }

    public Dotenv(String file, String var, String field) {
      this(file, var, field, null);
    }
  }
}
