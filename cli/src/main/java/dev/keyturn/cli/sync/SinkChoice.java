package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.UsageException;
import dev.keyturn.inventory.SinkKey;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Which kinds of sinks a plan or sync covers: Heroku, GitHub and Cloudflare (each by default, each
 * negatable), and {@code .env} files when asked.
 */
public final class SinkChoice {

  @Option(
      names = "--heroku",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Heroku config vars (default; --no-heroku skips them)")
  boolean heroku = true;

  @Option(
      names = "--github",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "GitHub Actions secrets (default; --no-github skips them)")
  boolean github = true;

  @Option(
      names = "--cloudflare",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Cloudflare Workers secrets (default; --no-cloudflare skips them)")
  boolean cloudflare = true;

  @Option(names = "--dotenv", description = "also the inventory's dotenv sinks (local .env files)")
  boolean dotenv;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "where dotenv sink paths start (default: the current directory)")
  Path baseDir = Path.of(".");

  /** The kinds chosen, in a fixed order. */
  Set<String> kinds() {
    Set<String> kinds = new LinkedHashSet<>();
    if (heroku) {
      kinds.add(SinkKey.HEROKU);
    }
    if (github) {
      kinds.add(SinkKey.GITHUB);
    }
    if (cloudflare) {
      kinds.add(SinkKey.CLOUDFLARE);
    }
    if (dotenv) {
      kinds.add(SinkKey.DOTENV);
    }
    return kinds;
  }

  void validate(SyncScope scope) {
    if (kinds().isEmpty()) {
      throw new UsageException(
          "--no-heroku --no-github --no-cloudflare without --dotenv leaves nothing to do");
    }
    if (dotenv && scope.app != null) {
      throw new UsageException(
          "--app selects one remote target: use --secret to narrow dotenv sinks");
    }
  }
}
