package dev.keyturn.local.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server's temporary directory (data, configuration, certificates, logs) and its process. On
 * {@link #delete()} the logs are first copied to {@code target/db-servers/} of the Maven module
 * (when run by surefire or failsafe), where a failed build can be read.
 */
final class ServerHome {

  private static final Duration POLL = Duration.ofMillis(50);

  private final String server;
  private final Path root;

  private ServerHome(String server, Path root) {
    this.server = server;
    this.root = root;
  }

  static ServerHome create(String server) {
    try {
      return new ServerHome(server, Files.createTempDirectory("keyturn-" + server + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for " + server, e);
    }
  }

  Path root() {
    return root;
  }

  Path resolve(String name) {
    return root.resolve(name);
  }

  /** Runs a short command to completion (e.g. initdb), output appended to {@code log}. */
  void run(List<String> command, Path log, Duration timeout) {
    Process process = launch(command, log);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ServerStartException(server, command.getLast() + " timed out; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new ServerStartException(
            server, "`" + String.join(" ", command) + "` failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new ServerStartException(server, "interrupted", e);
    }
  }

  /** Starts a long-running command with its output appended to {@code log}. */
  Process launch(List<String> command, Path log) {
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new ServerStartException(server, "cannot run " + command.getFirst(), e);
    }
  }

  /**
   * Waits until {@code port} accepts connections.
   *
   * @return false when the process ended first (e.g. the port was taken meanwhile)
   */
  boolean awaitPort(Process process, int port, Duration timeout, Path log) {
    Instant deadline = Instant.now().plus(timeout);
    while (process.isAlive()) {
      if (LoopbackPorts.accepts(port)) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        stop(process, Duration.ofSeconds(5));
        throw new ServerStartException(
            server,
            "did not listen on " + port + " within " + timeout.toSeconds() + " s; see " + log);
      }
      sleep();
    }
    return false;
  }

  /** Asks the process to stop (SIGTERM), then kills it when it does not within {@code grace}. */
  static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code log} mentions {@code text} (e.g. "Address already in use"). */
  static boolean mentions(Path log, String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException | UncheckedIOException unreadable) {
      return false;
    }
  }

  /** Copies the logs to the module's target directory, then deletes everything. */
  void delete(List<Path> logs) {
    keepLogs(logs);
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException leftBehind) {
      // a temp directory left behind is harmless; stopping must not fail on it
    }
  }

  private void keepLogs(List<Path> logs) {
    String basedir = System.getProperty("basedir");
    if (basedir == null || !Files.isRegularFile(Path.of(basedir, "pom.xml"))) {
      return;
    }
    Path target = Path.of(basedir, "target", "db-servers", root.getFileName().toString());
    try {
      Files.createDirectories(target);
      for (Path log : logs) {
        if (Files.exists(log)) {
          Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException notKept) {
      // logs are a convenience for reading a failed build
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a server", e);
    }
  }
}
