package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.UsageException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which kinds of sinks a plan or sync covers: Heroku (default), {@code .env} files, or both. */
public final class SinkChoice {

  @Option(
      names = "--heroku",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Heroku config vars (default; --no-heroku skips them)")
  boolean heroku = true;

  @Option(names = "--dotenv", description = "also the inventory's dotenv sinks (local .env files)")
  boolean dotenv;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "where dotenv sink paths start (default: the current directory)")
  Path baseDir = Path.of(".");

  void validate(SyncScope scope) {
    if (!heroku && !dotenv) {
      throw new UsageException("--no-heroku without --dotenv leaves nothing to do");
    }
    if (dotenv && scope.app != null) {
      throw new UsageException(
          "--app selects Heroku sinks only: use --secret to narrow dotenv sinks");
    }
  }
}
