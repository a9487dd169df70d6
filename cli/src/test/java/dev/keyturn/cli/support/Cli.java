package dev.keyturn.cli.support;

import dev.keyturn.cli.Main;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
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
