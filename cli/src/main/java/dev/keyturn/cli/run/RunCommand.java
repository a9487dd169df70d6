package dev.keyturn.cli.run;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn run -- <cmd>}: runs a command with one environment's secrets in its env. */
@Command(
    name = "run",
    header = "Run a command with one environment's secrets as environment variables.",
    mixinStandardHelpOptions = true,
    description = {
      "Run a command with the secrets of one environment as environment variables, like"
          + " `chamber exec` or `infisical run`: every entry whose environments include ENV,"
          + " with ENV's own value, under its sinks' variable names, or its own name when it has"
          + " no sink. Account-wide tokens (scope: account) live in prod only and serve every"
          + " environment but dev: --env staging gets prod's value for them.",
      "--consumer NAME limits the command to the entries tagged with that consumer: each"
          + " process receives only the secrets it needs.",
      "Values are read in one batched call and given only to the command: keyturn never"
          + " prints them. The default environment is dev, so production secrets need an"
          + " explicit --env prod.",
      "Exit code: the command's; 127 when it cannot be started; 1 when keyturn stops before"
          + " starting it."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn run -- ./gradlew bootRun",
      "  keyturn run --env staging --verbose -- npm test",
      "  keyturn run --env staging --consumer raptor -- ./bin/raptor",
      "  keyturn run --env prod -- sh -c 'psql \"$DATABASE_URL\" -c \"select 1\"'"
    })
public final class RunCommand implements Callable<Integer> {

  /** Shell convention for a command that could not be started. */
  static final int CANNOT_START = 127;

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "ENV",
      defaultValue = "dev",
      description = "environment whose entries to export (default: ${DEFAULT-VALUE})")
  String environment;

  @Option(
      names = {"-c", "--consumer"},
      paramLabel = "NAME",
      description = "only the entries tagged consumer: NAME (default: every entry of ENV)")
  String consumer;

  @Option(
      names = {"-v", "--verbose"},
      description = "list the variable names (never the values) on stderr")
  boolean verbose;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the command and its arguments")
  List<String> command;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env;
    try (CliContext context = aws.context()) {
      List<SecretEntry> entries = context.bean(InventoryStore.class).secrets();
      RunEnvironment vars = RunEnvironment.of(entries, environment, consumer);
      if (verbose) {
        err.printf(
            "keyturn run: env %s%s, %d variables:%n",
            environment, consumer == null ? "" : ", consumer " + consumer, vars.names().size());
        vars.names().forEach((var, entry) -> err.printf("  %s (%s)%n", var, entry));
        err.flush();
      }
      env = vars.resolve(context.bean(SecretSource.class));
    }
    return start(env, err);
  }

  private int start(Map<String, String> env, PrintWriter err) {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(env);
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      err.printf("keyturn: cannot start %s: %s%n", command.getFirst(), reason(e));
      err.flush();
      return CANNOT_START;
    }
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroy();
      Thread.currentThread().interrupt();
      err.println("keyturn: interrupted; the command was stopped");
      err.flush();
      return 130;
    }
  }

  /** The OS's reason (e.g. "No such file or directory"), without the JDK's wrapping. */
  static String reason(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int open = m.lastIndexOf('(');
    int close = m.lastIndexOf(')');
    return open >= 0 && close > open ? m.substring(open + 1, close) : m;
  }
}
