package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.HerokuOptions;
import dev.keyturn.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyturn sync}: publishes source values to their sinks now, as the sync function does. */
@Command(
    name = "sync",
    header = "Publish secret values to Heroku config vars (and .env files) now.",
    mixinStandardHelpOptions = true,
    description = {
      "Publish secret values to their sinks now: one PATCH (one release) per Heroku app that"
          + " differs, drift put back; with --dotenv also the .env files. Prints names, never"
          + " values.",
      "Exit 1 when an app or file was not brought in line (busy, failed, deferred)."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn sync",
      "  keyturn sync --app raxx-raptor-prod",
      "  keyturn sync --no-heroku --dotenv --base-dir .   # local .env files only",
      "  HEROKU_API_TOKEN_SECRET=keyturn/prod/hk-platform-full keyturn sync --json"
    })
public final class SyncCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin HerokuOptions heroku;
  @Mixin SyncScope scope;
  @Mixin SinkChoice sinks;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CliContext context = aws.context(heroku.properties())) {
      SyncRun.Result result =
          SyncRun.run(context, scope, sinks, false, spec.commandLine().getErr());
      if (json) {
        out.println(Json.write(result.toMap()));
        out.flush();
      } else {
        if (result.heroku() != null) {
          new SyncPrinter(out).published(result.heroku());
        }
        if (result.dotenv() != null) {
          DotenvStep.print(result.dotenv(), false, out);
        }
      }
      return result.complete() ? ExitCode.OK : ExitCode.FINDINGS;
    }
  }
}
