package dev.keyturn.cli.support;

import dev.keyturn.cli.Main;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs {@code keyturn} in this JVM as a user would (through {@link Main#commandLine()}), capturing
 * stdout and stderr. Every run is checked for every seeded secret value: a CLI that prints one
 * fails the test, naming the command but never the value.
 */
public final class Cli {

  private static final java.nio.file.Path TRANSCRIPT =
      java.nio.file.Path.of("target", "cli-transcripts.txt");

  private Cli() {}

  public static CliResult run(String... args) {
    return execute(Main.commandLine(), new StringWriter(), args);
  }

  /** Runs as {@link #run}, with a person at a (scripted) terminal. */
  public static CliResult runOnTerminal(ScriptedTerminal terminal, String... args) {
    return execute(Main.commandLine(terminal), new StringWriter(), args);
  }

  /**
   * Starts a long-running command ({@code audit --follow}) on another thread: its output so far can
   * be read while it runs, and {@link Running#await()} gives the checked result.
   */
  public static Running start(String... args) {
    StringWriter out = new StringWriter(); // StringBuffer inside: safe to read while written
    CompletableFuture<CliResult> result =
        CompletableFuture.supplyAsync(
            () -> execute(Main.commandLine(), out, args), Executors.newSingleThreadExecutor());
    return new Running(out, result);
  }

  /** A command started by {@link #start}. */
  public record Running(StringWriter out, CompletableFuture<CliResult> result) {

    /** Waits until stdout contains {@code text}; false when the command ended or time ran out. */
    public boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (out.toString().contains(text)) {
          return true;
        }
        if (result.isDone()) {
          return out.toString().contains(text);
        }
        Thread.sleep(50);
      }
      return false;
    }

    public CliResult await(Duration timeout) throws Exception {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static CliResult execute(CommandLine cli, StringWriter out, String... args) {
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    CliResult result = new CliResult(exit, out.toString(), err.toString());
    assertNoSeededValue(args, result);
    transcript(args, result);
    return result;
  }

  /** Every run, appended to target/cli-transcripts.txt for reading what the CLI really says. */
  private static void transcript(String[] args, CliResult result) {
    try {
      java.nio.file.Files.writeString(
          TRANSCRIPT,
          "$ keyturn " + String.join(" ", args) + "\n" + result + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertNoSeededValue(String[] args, CliResult result) {
    for (String secret : SeededSecrets.values()) {
      if (result.out().contains(secret) || result.err().contains(secret)) {
        throw new AssertionError(
            "a seeded secret value appeared in the output of `keyturn "
                + (args.length == 0 ? "" : args[0])
                + "` ("
                + (result.out().contains(secret) ? "stdout" : "stderr")
                + ")");
      }
    }
  }
}
