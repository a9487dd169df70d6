package dev.keyturn.cli.local;

import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.local.LocalAwsBackends;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn local up}: starts {@code local serve} as a background process of its own (this JVM
 * and jar), waits until its state file says the emulators answer, and prints the {@code export}
 * lines on stdout. When a playground already runs there, it only prints its lines.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the playground in the background (or find the one running) and print the"
          + " environment variables that point keyturn at it, as `export` lines for eval."
    },
    footer = {"", "Examples:", "  eval \"$(keyturn local up)\"", "  keyturn local up --table demo"})
final class LocalUp implements Callable<Integer> {

  static final String DEFAULT_TABLE = "keyturn-local";
  static final String BUS = "keyturn";

  /** moto_server and DynamoDB Local take seconds on a busy machine. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  @Spec CommandSpec spec;
  @Mixin LocalCommand.StateDir state;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      defaultValue = DEFAULT_TABLE,
      description = "the state table to create (default: ${DEFAULT-VALUE})")
  String table;

  @Option(
      names = "--local-aws",
      paramLabel = "BACKEND",
      description = "moto or localstack (default: $KEYTURN_LOCAL_AWS, else moto)")
  String backend = System.getenv(LocalAwsBackends.VARIABLE);

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Playground> running = Playground.running(state.dir);
    if (running.isPresent()) {
      err.println("keyturn: a playground is already running (pid " + running.get().pid() + ")");
      return print(running.get());
    }
    LocalAwsBackends.select(backend, LocalAwsBackends.available()); // a bad name: one line, now
    Files.createDirectories(state.dir);
    Playground.forget(state.dir); // left by one that was killed
    Process serve = start();
    err.printf("keyturn: starting moto_server and DynamoDB Local (pid %d)...%n", serve.pid());
    err.flush();
    Playground up = awaitState(serve);
    err.printf(
        "keyturn: AWS at %s, DynamoDB at %s, table %s, bus %s; stop it with `keyturn local down`%n",
        up.endpoint(), up.dynamoDbEndpoint(), up.table(), up.bus());
    return print(up);
  }

  private int print(Playground playground) {
    spec.commandLine().getOut().print(playground.exports());
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return ExitCode.OK;
  }

  /** This same JVM and class path, detached from the terminal, logging into the state dir. */
  private Process start() throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.keyturn.cli.Main",
            "local",
            "serve",
            "--state-dir",
            state.dir.toString(),
            "--table",
            table));
    if (backend != null && !backend.isBlank()) {
      command.addAll(List.of("--local-aws", backend));
    }
    File log = state.dir.resolve("serve.log").toFile();
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(log)
        .redirectErrorStream(true)
        .start();
  }

  private Playground awaitState(Process serve) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Playground> written = Playground.read(state.dir).filter(p -> p.pid() == serve.pid());
      if (written.isPresent()) {
        return written.get();
      }
      if (!serve.isAlive()) {
        throw new PlaygroundException(
            "the playground stopped while starting: "
                + lastLine(state.dir.resolve("serve.log"))
                + " (log: "
                + state.dir.resolve("serve.log")
                + ")");
      }
      Thread.sleep(200);
    }
    serve.destroy();
    throw new PlaygroundException(
        "the playground did not start within "
            + START_TIMEOUT.toMinutes()
            + " minutes: see "
            + state.dir.resolve("serve.log"));
  }

  /** The serving process's last words: its own one-line error. */
  private static String lastLine(Path log) {
    try (var lines = Files.lines(log)) {
      return lines
          .filter(l -> !l.isBlank())
          .reduce((a, b) -> b)
          .map(l -> l.startsWith("keyturn: ") ? l.substring("keyturn: ".length()) : l)
          .orElse("no output");
    } catch (IOException e) {
      return "no log";
    }
  }

  /** The playground could not be started; names the log to read. */
  static final class PlaygroundException extends RuntimeException {
    PlaygroundException(String message) {
      super(message);
    }
  }
}
