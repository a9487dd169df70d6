package dev.keyturn.inventory;

/**
 * The key of a publish target: a Heroku app's bare name (so every record keyturn kept before other
 * kinds existed stays valid), else {@code <kind>:<name>} — {@code github:owner/repo}, {@code
 * github:owner/repo@production}, {@code cloudflare:<account>/<script>}, {@code dotenv:.env.local}.
 * Heroku app names cannot hold a colon, so the two forms never collide.
 */
public final class SinkKey {

  public static final String HEROKU = "heroku";
  public static final String GITHUB = "github";
  public static final String CLOUDFLARE = "cloudflare";
  public static final String DOTENV = "dotenv";

  private SinkKey() {}

  public static String of(String kind, String name) {
    return HEROKU.equals(kind) ? name : kind + ":" + name;
  }

  /** The kind a key names: the part before the first colon, or heroku when there is none. */
  public static String kind(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? HEROKU : key.substring(0, colon);
  }

  /** The target's name within its kind. */
  public static String name(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(colon + 1);
  }
}
