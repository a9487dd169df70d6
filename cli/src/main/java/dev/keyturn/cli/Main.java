package dev.keyturn.cli;

import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.Handlers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keyturn}: the operator CLI. Exit codes: {@link ExitCode} (0 ok, 1 findings or errors, 2
 * usage).
 *
 * <p>Configuration comes from the standard AWS settings (region, credentials, {@code
 * AWS_ENDPOINT_URL}) and {@code KEYTURN_TABLE}; see docs/configuration.md.
 */
@Command(
    name = "keyturn",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Rotate AWS-held secrets, sync them to Heroku, verify webhooks that survive rotation.",
    subcommands = {
      dev.keyturn.cli.inventory.LintCommand.class,
      dev.keyturn.cli.inventory.ApplyCommand.class,
      dev.keyturn.cli.sync.PlanCommand.class,
      dev.keyturn.cli.sync.SyncCommand.class,
      dev.keyturn.cli.rotate.RotateCommand.class,
      dev.keyturn.cli.rotate.RetiredCommand.class,
      dev.keyturn.cli.status.StatusCommand.class,
      dev.keyturn.cli.run.RunCommand.class,
      dev.keyturn.cli.audit.AuditCommand.class,
      dev.keyturn.cli.status.RotationMatrixCommand.class,
      dev.keyturn.cli.webhook.VerifyWebhookCommand.class,
      dev.keyturn.cli.demo.DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 findings or errors, 2 usage.",
      "Examples:",
      "  keyturn lint examples/inventory.yaml",
      "  KEYTURN_TABLE=keyturn keyturn apply examples/inventory.yaml --dry-run",
      "  keyturn status --due",
      "  keyturn rotate FS_SUPPORT_WEBHOOK",
      "  keyturn run --env dev -- ./start.sh"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cli = Handlers.install(new CommandLine(new Main()));
    // `keyturn run cmd -x` passes -x to cmd, with or without `--`
    cli.getSubcommands().get("run").setStopAtPositional(true);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"keyturn " + (v == null ? "dev" : v)};
    }
  }
}
