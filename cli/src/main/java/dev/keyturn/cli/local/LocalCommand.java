package dev.keyturn.cli.local;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyturn local up|down}: a local AWS (moto_server + DynamoDB Local, from {@code
 * keyturn-local}) that keeps running between commands, for trying keyturn against emulators.
 */
@Command(
    name = "local",
    header = "Start or stop a local AWS playground that keeps running.",
    mixinStandardHelpOptions = true,
    description = {
      "A local AWS for trying keyturn: moto_server (Secrets Manager, SSM, EventBridge, ...) and"
          + " DynamoDB Local on free loopback ports, the state table created from template.yaml and"
          + " the event bus `keyturn`. `up` starts it in the background and prints the environment"
          + " variables that point keyturn (and the aws CLI) at it; `down` stops it.",
      "Needs moto_server on PATH (pip install 'moto[server]')."
    },
    subcommands = {LocalUp.class, LocalDown.class, LocalServe.class},
    footer = {
      "",
      "Examples:",
      "  eval \"$(keyturn local up)\"",
      "  keyturn lint examples/inventory.yaml && keyturn apply examples/inventory.yaml",
      "  keyturn status",
      "  keyturn local down"
    })
public final class LocalCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where a playground keeps its state file and emulator logs. */
  static final class StateDir {
    @Option(
        names = "--state-dir",
        paramLabel = "DIR",
        description = "where the playground keeps its state and logs (default: ${DEFAULT-VALUE})")
    Path dir = Path.of(System.getProperty("user.home"), ".keyturn", "local");
  }
}
