package dev.keyturn.cli.status;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.HerokuOptions;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyturn status}: every entry's rotation, expiry, sinks and drift at a glance. */
@Command(
    name = "status",
    header = "Rotation, expiry, sync and drift of every entry.",
    mixinStandardHelpOptions = true,
    description = {
      "One row per inventory entry (one line per sink): source, cadence, last rotation, next"
          + " due date, expiry, each sink's last sync and Heroku release, and drift.",
      "Last rotation is keyturn's record, else when the source last changed (marked"
          + " \"(source)\"). Drift compares the source's current version with the version last"
          + " published: in-sync, behind, never-synced, source-missing. Only metadata is read,"
          + " never a value; --check-heroku also reads the values and Heroku's config vars and"
          + " compares them in memory, printing yes/no.",
      "--due and --expiring together list entries that are either.",
      "The table fits 120 columns (long names and sinks elided in the middle); --wide shows every"
          + " column in full. Exit 1 when an entry's secret or parameter does not exist."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn status",
      "  keyturn status --due",
      "  keyturn status --expiring --json | jq -r '.[].name'",
      "  keyturn status --query \"[?drift=='behind'].name\" --output text",
      "  keyturn status --wide",
      "  keyturn status --check-heroku --heroku-token-secret keyturn/prod/hk-platform-full"
    })
public final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin HerokuOptions heroku;

  @Option(names = "--due", description = "only entries whose next due date has passed")
  boolean due;

  @Option(names = "--expiring", description = "only entries expiring within 14 days, or expired")
  boolean expiring;

  @Option(
      names = "--check-heroku",
      description = "also compare Heroku's config vars with the source values (yes/no)")
  boolean checkHeroku;

  @Option(
      names = "--wide",
      description = "every column (source, last sync, Heroku release), nothing elided")
  boolean wide;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    output.validate();
    try (CliContext context = aws.context(heroku.properties())) {
      if (checkHeroku) {
        HerokuOptions.requireToken(context);
      }
      List<SecretEntry> entries = context.bean(InventoryStore.class).secrets();
      spec.commandLine().getErr().printf("keyturn: reading %d entries...%n", entries.size());
      spec.commandLine().getErr().flush();
      List<EntryStatus> rows = StatusWiring.reader(context).read(entries);
      if (checkHeroku) {
        rows =
            StatusReader.withHerokuMatches(
                rows,
                HerokuCheck.compare(
                    entries, context.bean(SecretSource.class), context.bean(HerokuApi.class)));
      }
      List<String> missing =
          rows.stream()
              .filter(r -> !r.source().exists())
              .map(r -> r.name() + " (" + r.source().id() + ")")
              .toList();
      rows = rows.stream().filter(this::selected).toList();
      if (output.structured()) {
        output.print(out, rows);
      } else {
        StatusTable.print(rows, checkHeroku, wide, out);
      }
      if (missing.isEmpty()) {
        return ExitCode.OK;
      }
      spec.commandLine()
          .getErr()
          .println("keyturn: source missing for " + String.join(", ", missing));
      spec.commandLine().getErr().flush();
      return ExitCode.FINDINGS;
    }
  }

  private boolean selected(EntryStatus r) {
    if (!due && !expiring) {
      return true;
    }
    return (due && r.rotation().due()) || (expiring && r.expiry().expiring());
  }
}
