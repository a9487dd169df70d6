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

/** {@code keyturn plan}: what a sync would change, values masked. Never writes anything. */
@Command(
    name = "plan",
    header = "Show what a sync would change (values masked; writes nothing).",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a sync would change on Heroku, GitHub Actions and Cloudflare Workers (and in"
          + " .env files with --dotenv): one line per variable, with its reason and source"
          + " version. Values are masked (s***Z (40 chars)); GitHub and Cloudflare never show"
          + " theirs, so keyturn compares keyed digests of what it published.",
      "Reads only: no write, no lease, no record. Exit 1 when a target cannot be planned."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn plan",
      "  keyturn plan --app raxx-raptor-prod",
      "  keyturn plan --app github:raxx/infra@production",
      "  keyturn plan --secret FS_SUPPORT_WEBHOOK --dotenv --base-dir ~/src/raptor",
      "  keyturn plan --json | jq '.heroku.apps[].plan.changes[].var'"
    })
public final class PlanCommand implements Callable<Integer> {

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
      SyncRun.Result result = SyncRun.run(context, scope, sinks, true, spec.commandLine().getErr());
      if (output.structured()) {
        output.print(out, result.toMap());
      } else {
        new SyncPrinter(out).plan(result.report().apps());
      }
      if (result.complete()) {
        return ExitCode.OK;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("keyturn: the plan failed: " + result.failures(SyncRun.herokuApi(context)));
      err.flush();
      return ExitCode.FINDINGS;
    }
  }
}
