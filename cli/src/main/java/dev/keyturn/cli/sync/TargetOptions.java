package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach GitHub and Cloudflare, as the sync function is configured, plus the digest key
 * secret their state needs. Unset options fall back to {@code GITHUB_TOKEN_SECRET}, {@code
 * GITHUB_API_URL}, {@code CLOUDFLARE_API_TOKEN_SECRET}, {@code CLOUDFLARE_API_URL} and {@code
 * KEYTURN_DIGEST_KEY_SECRET}.
 */
public final class TargetOptions {

  static final String GITHUB_TOKEN = "github.token-secret";
  static final String GITHUB_URL = "github.api-url";
  static final String CLOUDFLARE_TOKEN = "cloudflare.api-token-secret";
  static final String CLOUDFLARE_URL = "cloudflare.api-url";
  static final String DIGEST_KEY = "keyturn.digest-key-secret";

  @Option(
      names = "--github-token-secret",
      paramLabel = "SECRET",
      description = "Secrets Manager secret with the GitHub token (default: $GITHUB_TOKEN_SECRET)")
  String githubToken;

  @Option(
      names = "--github-api-url",
      paramLabel = "URL",
      description = "GitHub REST API root (default: $GITHUB_API_URL or https://api.github.com)")
  String githubUrl;

  @Option(
      names = "--cloudflare-token-secret",
      paramLabel = "SECRET",
      description =
          "Secrets Manager secret with the Cloudflare API token"
              + " (default: $CLOUDFLARE_API_TOKEN_SECRET)")
  String cloudflareToken;

  @Option(
      names = "--cloudflare-api-url",
      paramLabel = "URL",
      description =
          "Cloudflare API root (default: $CLOUDFLARE_API_URL or"
              + " https://api.cloudflare.com/client/v4)")
  String cloudflareUrl;

  @Option(
      names = "--digest-key-secret",
      paramLabel = "SECRET",
      description =
          "Secrets Manager secret with the digest key for GitHub and Cloudflare state"
              + " (default: $KEYTURN_DIGEST_KEY_SECRET)")
  String digestKey;

  /** The options given, as configuration properties. */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    putIfSet(p, GITHUB_TOKEN, githubToken);
    putIfSet(p, GITHUB_URL, githubUrl);
    putIfSet(p, CLOUDFLARE_TOKEN, cloudflareToken);
    putIfSet(p, CLOUDFLARE_URL, cloudflareUrl);
    putIfSet(p, DIGEST_KEY, digestKey);
    return p;
  }

  private static void putIfSet(Map<String, Object> p, String key, String value) {
    if (value != null) {
      p.put(key, value);
    }
  }

  /**
   * Refuses to go on without what a kind needs, before anything talks to it.
   *
   * @throws UsageException naming the option and the environment variable
   */
  static void require(CliContext context, String kind) {
    switch (kind) {
      case "github" -> {
        need(
            context,
            GITHUB_TOKEN,
            "no GitHub token",
            "GITHUB_TOKEN_SECRET",
            "--github-token-secret");
        need(
            context,
            DIGEST_KEY,
            "no digest key",
            "KEYTURN_DIGEST_KEY_SECRET",
            "--digest-key-secret");
      }
      case "cloudflare" -> {
        need(
            context,
            CLOUDFLARE_TOKEN,
            "no Cloudflare token",
            "CLOUDFLARE_API_TOKEN_SECRET",
            "--cloudflare-token-secret");
        need(
            context,
            DIGEST_KEY,
            "no digest key",
            "KEYTURN_DIGEST_KEY_SECRET",
            "--digest-key-secret");
      }
      default -> {}
    }
  }

  private static void need(CliContext context, String key, String what, String env, String option) {
    if (context.property(key).isEmpty()) {
      throw new UsageException(
          what + ": set " + env + " or pass " + option + " (a Secrets Manager secret)");
    }
  }
}
