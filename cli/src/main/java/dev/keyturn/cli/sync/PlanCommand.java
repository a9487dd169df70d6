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

/** {@code keyturn plan}: what a sync would change, values masked. Never writes anything. */
@Command(
    name = "plan",
    header = "Show what a sync would change (values masked; writes nothing).",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a sync would change on Heroku (and in .env files with --dotenv): one line per"
          + " config var, with its reason and source version. Values are masked"
          + " (s***Z (40 chars)).",
      "Reads only: no PATCH, no lease, no record. Exit 1 when an app cannot be planned."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn plan",
      "  keyturn plan --app raxx-raptor-prod",
      "  keyturn plan --secret FS_SUPPORT_WEBHOOK --dotenv --base-dir ~/src/raptor",
      "  keyturn plan --json | jq '.heroku.apps[].plan.changes[].var'"
    })
public final class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin HerokuOptions heroku;
  @Mixin SyncScope scope;
  @Mixin SinkChoice sinks;

  @Option(names = "--json", description = "print the plan as JSON")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CliContext context = aws.context(heroku.properties())) {
      SyncRun.Result result = SyncRun.run(context, scope, sinks, true, spec.commandLine().getErr());
      if (json) {
        out.println(Json.write(result.toMap()));
        out.flush();
      } else {
        if (result.heroku() != null) {
          new SyncPrinter(out).plan(result.heroku(), result.modes());
        }
        if (result.dotenv() != null) {
          DotenvStep.print(result.dotenv(), true, out);
        }
      }
      return result.complete() ? ExitCode.OK : ExitCode.FINDINGS;
    }
  }
}
