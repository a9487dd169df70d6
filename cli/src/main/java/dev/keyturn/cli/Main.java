package dev.keyturn.cli;

import dev.keyturn.cli.common.BuildInfo;
import dev.keyturn.cli.common.Handlers;
import dev.keyturn.cli.common.HelpLayout;
import dev.keyturn.cli.common.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keyturn}: the operator CLI. Exit codes: {@link dev.keyturn.cli.common.ExitCode} (0 ok, 1
 * findings or failed work, 2 usage or configuration).
 *
 * <p>Configuration comes from the standard AWS settings (region, credentials, {@code
 * AWS_ENDPOINT_URL}, or {@code --profile}, {@code --region}, {@code --endpoint-url}) and {@code
 * KEYTURN_TABLE}; see docs/configuration.md.
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
      dev.keyturn.cli.status.StatusCommand.class,
      dev.keyturn.cli.run.RunCommand.class,
      dev.keyturn.cli.audit.AuditCommand.class,
      dev.keyturn.cli.status.RotationMatrixCommand.class,
      dev.keyturn.cli.webhook.VerifyWebhookCommand.class,
      dev.keyturn.cli.local.LocalCommand.class,
      dev.keyturn.cli.demo.DemoCommand.class,
      dev.keyturn.cli.completion.CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  keyturn lint examples/inventory.yaml",
      "  KEYTURN_TABLE=keyturn keyturn apply examples/inventory.yaml --dry-run",
      "  keyturn status --due",
      "  keyturn rotate FS_SUPPORT_WEBHOOK",
      "  keyturn run --env dev -- ./start.sh",
      "  source <(keyturn completion bash)"
    })
public final class Main implements Runnable, Terminal.Owner {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Terminal terminal;

  private Main(Terminal terminal) {
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    return commandLine(Terminal.system());
  }

  /** The command line on a given terminal (a person's, or none). */
  public static CommandLine commandLine(Terminal terminal) {
    CommandLine cli = Handlers.install(new CommandLine(new Main(terminal)));
    // `keyturn run cmd -x` passes -x to cmd, with or without `--`
    cli.getSubcommands().get("run").setStopAtPositional(true);
    return HelpLayout.apply(cli, terminal);
  }

  @Override
  public Terminal terminal() {
    return terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version and git commit written into the jar at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"keyturn " + BuildInfo.load().describe()};
    }
  }
}
