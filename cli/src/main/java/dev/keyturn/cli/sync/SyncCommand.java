package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.HerokuOptions;
import dev.keyturn.cli.output.OutputOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyturn sync}: publishes source values to their sinks now, as the sync function does. */
@Command(
    name = "sync",
    header = "Publish secret values to Heroku, GitHub, Cloudflare (and .env files) now.",
    mixinStandardHelpOptions = true,
    description = {
      "Publish secret values to their sinks now: one PATCH (one release) per Heroku app that"
          + " differs, one PUT per changed GitHub or Cloudflare secret (a DELETE per renamed"
          + " one), nothing where nothing changed; drift put back; with --dotenv also the .env"
          + " files. Prints names, never values.",
      "Exit 1 when a target was not brought in line (busy, failed, deferred: the report names"
          + " what it took before it stopped)."
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
  @Mixin TargetOptions targets;
  @Mixin SyncScope scope;
  @Mixin SinkChoice sinks;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    output.validate();
    java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(heroku.properties());
    properties.putAll(targets.properties());
    try (CliContext context = aws.context(properties)) {
      SyncRun.Result result =
          SyncRun.run(context, scope, sinks, false, spec.commandLine().getErr());
      if (output.structured()) {
        output.print(out, result.toMap());
      } else {
        new SyncPrinter(out).published(result.report().apps());
      }
      return result.complete() ? ExitCode.OK : ExitCode.FINDINGS;
    }
  }
}
