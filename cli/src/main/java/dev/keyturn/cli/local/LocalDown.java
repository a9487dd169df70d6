package dev.keyturn.cli.local;

import dev.keyturn.cli.common.ExitCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn local down}: asks the playground's process to stop (it stops its emulators and
 * removes its state file) and waits for it; only the process its state file names is signalled.
 */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Stop the playground `keyturn local up` started (its data goes with it).",
    footer = {"", "Examples:", "  keyturn local down"})
final class LocalDown implements Callable<Integer> {

  static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

  @Spec CommandSpec spec;
  @Mixin LocalCommand.StateDir state;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Playground> running = Playground.running(state.dir);
    if (running.isEmpty()) {
      Playground.forget(state.dir);
      err.println("keyturn: no playground is running (nothing to stop)");
      err.flush();
      return ExitCode.OK;
    }
    ProcessHandle process = ProcessHandle.of(running.get().pid()).orElseThrow();
    process.destroy();
    boolean stopped =
        process.onExit().completeOnTimeout(null, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get()
            != null;
    if (!stopped) {
      process.destroyForcibly();
      Playground.forget(state.dir);
      err.println("keyturn: the playground did not stop in time and was killed");
    } else {
      err.println("keyturn: playground stopped (pid " + running.get().pid() + ")");
    }
    err.flush();
    return ExitCode.OK;
  }
}
