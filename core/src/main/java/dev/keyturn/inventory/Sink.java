package dev.keyturn.inventory;

/**
 * Where a secret's value is published. Every kind names a target (one Heroku app, one GitHub
 * repository or environment, one Cloudflare Worker, one {@code .env} file) and a variable in it.
 */
public sealed interface Sink {

  /** The config var / variable name the value is published under. */
  String var();

  /**
   * For a secret whose value is a JSON object (e.g. {@code {"key_id", "secret_key"}}): the
   * top-level field to publish instead of the whole value; null publishes the whole value.
   */
  String field();

  /** An old name kept in step during a rename; deleted once removed from here. Null when none. */
  String previousVar();

  /**
   * The keyturn environment (prod, staging, ...) whose value this sink publishes, for entries with
   * one source per environment; null for an entry's single source.
   */
  String env();

  /** The kind of target: {@code heroku}, {@code github}, {@code cloudflare} or {@code dotenv}. */
  String kind();

  /**
   * The target's key: what sync leases, records state under and reports. A Heroku app is its bare
   * name (as it always was); other kinds are {@code <kind>:<name>} (see {@link SinkKey}).
   */
  default String target() {
    return SinkKey.of(kind(), targetName());
  }

  /** The target's name within its kind (app, {@code owner/repo[@environment]}, ...). */
  String targetName();

  /** A Heroku config var. */
  record Heroku(String app, String var, String previousVar, String field, String env)
      implements Sink {
    public Heroku(String app, String var, String previousVar) {
      this(app, var, previousVar, null, null);
    }

    public Heroku(String app, String var, String previousVar, String field) {
      this(app, var, previousVar, field, null);
    }

    @Override
    public String kind() {
      return SinkKey.HEROKU;
    }

    @Override
    public String targetName() {
      return app;
    }
  }

  /** A line of a local {@code .env} file, for development. */
  record Dotenv(String file, String var, String field, String previousVar, String env)
      implements Sink {
    public Dotenv(String file, String var) {
      this(file, var, null, null, null);
    }

    public Dotenv(String file, String var, String field) {
      this(file, var, field, null, null);
    }

    @Override
    public String kind() {
      return SinkKey.DOTENV;
    }

    @Override
    public String targetName() {
      return file;
    }
  }

  /**
   * A GitHub Actions secret: of an environment of a repository, or of the repository itself.
   *
   * @param repo {@code owner/name}
   * @param environment the GitHub environment (e.g. {@code production}); null for a repository
   *     secret
   */
  record Github(
      String repo, String environment, String var, String previousVar, String field, String env)
      implements Sink {

    @Override
    public String kind() {
      return SinkKey.GITHUB;
    }

    @Override
    public String targetName() {
      return environment == null ? repo : repo + "@" + environment;
    }
  }

  /**
   * A Cloudflare Workers secret ({@code secret_text} binding) of one script.
   *
   * @param account the Cloudflare account id
   * @param script the Worker script name
   */
  record Cloudflare(
      String account, String script, String var, String previousVar, String field, String env)
      implements Sink {

    @Override
    public String kind() {
      return SinkKey.CLOUDFLARE;
    }

    @Override
    public String targetName() {
      return account + "/" + script;
    }
  }
}
