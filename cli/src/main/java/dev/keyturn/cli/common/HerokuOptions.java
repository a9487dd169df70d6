package dev.keyturn.cli.common;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach Heroku, as the functions are configured: the Secrets Manager secret holding the API
 * token and the API root. Unset options fall back to {@code HEROKU_API_TOKEN_SECRET} and {@code
 * HEROKU_API_URL}.
 */
public final class HerokuOptions {

  static final String TOKEN_SECRET = "heroku.api-token-secret";
  static final String API_URL = "heroku.api-url";

  @Option(
      names = "--heroku-token-secret",
      paramLabel = "SECRET",
      description =
          "Secrets Manager secret with the Heroku API token (default: $HEROKU_API_TOKEN_SECRET)")
  String tokenSecret;

  @Option(
      names = "--heroku-api-url",
      paramLabel = "URL",
      description = "Heroku Platform API root (default: $HEROKU_API_URL or https://api.heroku.com)")
  String apiUrl;

  /** The options given, as configuration properties. */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (tokenSecret != null) {
      p.put(TOKEN_SECRET, tokenSecret);
    }
    if (apiUrl != null) {
      p.put(API_URL, apiUrl);
    }
    return p;
  }

  /**
   * Refuses to go on without a token secret, before anything talks to Heroku.
   *
   * @throws UsageException naming the option and the environment variable
   */
  public static void requireToken(CliContext context) {
    if (context.property(TOKEN_SECRET).isEmpty()) {
      throw new UsageException(
          "no Heroku token: set HEROKU_API_TOKEN_SECRET or pass --heroku-token-secret"
              + " (the Secrets Manager secret holding the Heroku API token)");
    }
  }
}
