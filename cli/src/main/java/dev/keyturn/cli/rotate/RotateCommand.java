package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.Entries;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.format.DurationConverter;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.rotate.protocol.RotationService;
import dev.keyturn.rotate.sweep.ParameterRotation;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RotationStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn rotate <name>}: rotates one entry now and follows it to the end. */
@Command(
    name = "rotate",
    header = "Rotate one entry now and follow it step by step.",
    mixinStandardHelpOptions = true,
    description = {
      "Rotate one inventory entry now, printing each step as it completes. Exit 0 when the new"
          + " value is current, 1 with the failed step and error name otherwise. Never prints"
          + " values.",
      "Secrets Manager entries: RotateSecret, then the rotation function runs createSecret,"
          + " setSecret, testSecret and finishSecret (followed through its ROTATION record and"
          + " the secret's labels). With --in-process this process runs the four steps instead"
          + " (for emulators, or when the rotation Lambda does nothing); it also resumes an"
          + " unfinished rotation. If rotation is off, RotateSecret turns it on with the"
          + " entry's cadence.",
      "SSM entries: the sweep's rotation for this one entry, even if it is not due"
          + " (--in-process changes nothing for them)."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --dry-run",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --timeout 10m",
      "  keyturn rotate FS_SUPPORT_WEBHOOK --in-process   # emulators, or no rotate function",
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

  @Parameters(paramLabel = "NAME", description = "the inventory entry to rotate")
  String name;

  @Option(names = "--dry-run", description = "say what would happen; change nothing")
  boolean dryRun;

  @Option(
      names = "--in-process",
      description = "run the four steps in this process (Secrets Manager entries)")
  boolean inProcess;

  @Option(
      names = "--rotation-lambda-arn",
      paramLabel = "ARN",
      description = "rotation function for RotateSecret (default: the secret's configured one)")
  String rotationLambdaArn;

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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    output.validate();
    Progress progress = new Progress(output.structured() ? err : out);
    Map<String, Object> config =
        herokuApiUrl == null ? Map.of() : Map.of("heroku.api-url", herokuApiUrl);
    try (CliContext context = aws.context(config)) {
      SecretEntry entry = Entries.require(context.bean(InventoryStore.class), name);
      Rotatable.requireGenerator(entry);
      progress.say("rotate %s (%s)%s", entry.name(), mode(entry), dryRun ? ", dry run" : "");
      RotationReport report =
          switch (entry.source()) {
            case Source.SecretsManager sm -> secretsManager(context, entry, progress);
            case Source.SsmParameter ssm -> parameter(context, entry, progress);
          };
      return finish(report, out, err);
    }
  }

  private RotationReport secretsManager(CliContext c, SecretEntry entry, Progress progress) {
    RotationStarter sm = c.bean(RotationStarter.class);
    SecretDescription d =
        sm.describe(entry.source().id())
            .orElseThrow(() ->
                new NotRotatableException(
                    entry.name(), "secret " + entry.source().id() + " does not exist"));
    if (dryRun) {
      return new RotationDryRun(progress).secretsManager(entry, d, rotationLambdaArn, inProcess);
    }
    if (inProcess) {
      return new InProcessRotation(sm, c.bean(RotationService.class), c.bean(Clock.class), progress)
          .run(entry, d, rotationLambdaArn);
    }
    return new FollowedRotation(sm, c.bean(RotationStore.class), progress, timeout, pollInterval)
        .run(entry, d, rotationLambdaArn);
  }

  private RotationReport parameter(CliContext c, SecretEntry entry, Progress progress) {
    SsmEntryRotation rotation = new SsmEntryRotation(c.bean(ParameterRotation.class), progress);
    if (dryRun) {
      return new RotationDryRun(progress)
          .parameter(
              entry,
              rotation.requireRotatable(entry),
              c.bean(RotationStore.class).lastRotated(entry.name()));
    }
    return rotation.run(entry);
  }

  private String mode(SecretEntry entry) {
    if (entry.source() instanceof Source.SsmParameter) {
      return "SSM parameter, the sweep's rotation";
    }
    return inProcess ? "Secrets Manager, steps run here" : "Secrets Manager rotation function";
  }

  private int finish(RotationReport report, PrintWriter out, PrintWriter err) {
    if (output.structured()) {
      output.print(out, report.toMap());
    } else if (report.succeeded() && !"dry-run".equals(report.mode())) {
      out.printf(
          "rotated %s: version %s is current (was %s)%n",
          report.secret(), report.version(), report.previous());
      out.flush();
    }
    if (!report.succeeded()) {
      err.printf(
          "keyturn: rotation of %s failed%s: %s%n",
          report.secret(),
          report.failedStep() == null ? "" : " at " + report.failedStep(),
          report.error());
      err.flush();
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }
}
