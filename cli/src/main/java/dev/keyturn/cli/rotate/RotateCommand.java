package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.Entries;
import dev.keyturn.cli.common.Terminal;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.cli.format.DurationConverter;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.state.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn rotate <name>} / {@code --all}: rotates entries now, each through its mode. */
@Command(
    name = "rotate",
    header = "Rotate one entry (or all) now, each through its mode, and follow it.",
    mixinStandardHelpOptions = true,
    description = {
      "Rotate one inventory entry now, printing each step as it completes. Exit 0 when the new"
          + " value is current, 1 with the failed step and error name otherwise. Never prints"
          + " values.",
      "Every entry has one mode (keyturn status shows it). generated and vendor: Secrets"
          + " Manager entries by RotateSecret and the rotation function (followed through its"
          + " ROTATION record); with --in-process the four steps run here instead, without"
          + " RotateSecret, refused on a secret that has a rotation Lambda. SSM entries: the"
          + " sweep's rotation for this one entry, even if it is not due.",
      "operator: keyturn never invents the value. Create the new credential at the vendor, then"
          + " --from-stdin (a terminal prompts twice without echo; JSON values keep their keys);"
          + " it goes through the same steps, and a task to revoke the old credential at the"
          + " vendor stays in keyturn status until keyturn retired NAME.",
      "--create makes a missing secret or SSM SecureString with its first value (generated"
          + " entries from their generator, others from --from-stdin), tagged with the entry's"
          + " tags.",
      "--all rotates every matching entry, critical first; operator entries need a file each in"
          + " --from-dir (else: needs a value). A summary table follows; exit 1 if any failed.",
      "A secret that signs a webhook whose sender keyturn cannot reach (FreeScout, Stripe,"
          + " Slack, Shopify, Standard Webhooks: no sender binding) is refused until the sender"
          + " is seen signing with the current version (keyturn status says why); --force"
          + " overrides that once: the rotation function takes a short-lived override this"
          + " command leaves in the table, audited with your AWS principal.",
      "An entry with one source per environment rotates prod's unless --env names another"
          + " (with --all: each entry's source of that environment; entries without one are left"
          + " out)."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --dry-run",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --timeout 10m",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --in-process   # no rotation Lambda on the secret",
      "  keyturn rotate ALP_LIVE_TRADING --from-stdin     # prompts twice, no echo",
      "  keyturn retired ALP_LIVE_TRADING                 # once the old key is revoked",
      "  keyturn rotate RX_SESSION_JWT_SIGNING --create",
      "  keyturn rotate RX_SESSION_HMAC --env staging     # staging's own source",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --force        # the sender still signs with the old",
      "  keyturn rotate --all --sensitivity critical --dry-run",
      "  keyturn rotate --all --vendor CF --from-dir ./new-tokens",
      "  keyturn rotate STR_BILLING_WRITE_TEST --json | jq .outcome"
    })
public final class RotateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Option(
      names = "--heroku-api-url",
      paramLabel = "URL",
      description =
          "Heroku Platform API root, for heroku-authorization entries (default: $HEROKU_API_URL"
              + " or https://api.heroku.com)")
  String herokuApiUrl;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "the inventory entry to rotate")
  String name;

  @Option(names = "--dry-run", description = "say what would happen; change nothing")
  boolean dryRun;

  @Option(
      names = "--in-process",
      description = "run the four steps here, without RotateSecret (Secrets Manager entries)")
  boolean inProcess;

  @Option(
      names = "--rotation-lambda-arn",
      paramLabel = "ARN",
      description = "rotation function for RotateSecret (default: the secret's configured one)")
  String rotationLambdaArn;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description =
          "rotate the source of this environment (entries with one source per environment;"
              + " default: prod's, or the entry's only source); with --all: every entry that has"
              + " one")
  String env;

  @Option(names = "--from-stdin", description = "read the new value (operator entries)")
  boolean fromStdin;

  @Option(names = "--create", description = "create the missing secret with its first value")
  boolean create;

  @Option(
      names = "--force",
      description =
          "rotate even though a webhook sender keyturn cannot reach is not seen signing with the"
              + " current version (once; audited)")
  boolean force;

  @Mixin AllOptions all;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "5m",
      description = "how long to follow the rotation function (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "2s",
      description = "how often to look at its progress (default: ${DEFAULT-VALUE})")
  Duration pollInterval;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    validate();
    output.validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(output.structured() ? err : out);
    Map<String, Object> config =
        herokuApiUrl == null ? Map.of() : Map.of("heroku.api-url", herokuApiUrl);
    try (CliContext context = aws.context(config)) {
      var options =
          new EntryRotation.Options(dryRun, inProcess, rotationLambdaArn, timeout, pollInterval);
      EntryRotation rotation = new EntryRotation(context, progress, options);
      if (all.all) {
        return new RotateAll(context, rotation, progress, all, dryRun, env).run(out, output);
      }
      SecretEntry entry =
          Rotatable.inEnvironment(Entries.require(context.bean(InventoryStore.class), name), env);
      if (force) {
        new ForcedRotation(context, progress).grant(entry, dryRun, timeout);
      }
      if (create) {
        return Outcome.print(
            new FirstValueStep(context, progress).create(entry, value(entry), dryRun),
            output,
            out,
            err);
      }
      progress.say(
          "rotate %s (mode %s%s%s)%s",
          entry.name(),
          entry.mode().label(),
          env == null ? "" : ", " + env + " source " + entry.source().id(),
          fromStdin ? ", value from stdin" : inProcess ? ", steps run here" : "",
          dryRun ? ", dry run" : "");
      return Outcome.print(rotation.rotate(entry, value(entry)), output, out, err);
    }
  }

  private Supplier<String> value(SecretEntry entry) {
    return fromStdin ? () -> ValueInput.fromStdin(entry.name(), Terminal.of(spec)) : null;
  }

  private void validate() {
    if (all.all == (name != null)) {
      throw new UsageException("name one entry, or pass --all (not both)");
    }
    if (!all.all && all.usedWithoutAll()) {
      throw new UsageException("--vendor, --sensitivity and --from-dir go with --all");
    }
    if (all.all && (fromStdin || create)) {
      throw new UsageException(
          "--all reads operator values from --from-dir, one file per entry; --from-stdin and"
              + " --create take one NAME");
    }
    if (inProcess && rotationLambdaArn != null) {
      throw new UsageException(
          "--in-process runs the steps here and starts no rotation function: drop"
              + " --rotation-lambda-arn");
    }
    if (force && (all.all || create || fromStdin)) {
      throw new UsageException(
          "--force overrides the refusal of one generated entry's rotation: drop --all, --create"
              + " and --from-stdin");
    }
    if (create && inProcess) {
      throw new UsageException("--create makes a missing secret; it has nothing to run in-process");
    }
  }

  /** The options of {@code --all}. */
  static final class AllOptions {
    @Option(names = "--all", description = "rotate every matching rotatable entry")
    boolean all;

    @Option(
        names = "--vendor",
        paramLabel = "CODE",
        description = "with --all: only this vendor code (the name's first part, e.g. CF)")
    String vendor;

    @Option(
        names = "--sensitivity",
        paramLabel = "LEVEL",
        description = "with --all: only this sensitivity (critical, high, medium, low)")
    String sensitivity;

    @Option(
        names = "--from-dir",
        paramLabel = "DIR",
        description = "with --all: operator entries' new values, one file per entry name")
    Path fromDir;

    boolean usedWithoutAll() {
      return vendor != null || sensitivity != null || fromDir != null;
    }
  }
}
