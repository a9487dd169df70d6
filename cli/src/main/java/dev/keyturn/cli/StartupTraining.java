package dev.keyturn.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a command: the training run for the JDK's AOT cache. {@code bin/keyturn} runs it once per
 * build of the jar, as {@code java -XX:AOTCacheOutput=... -cp keyturn.jar
 * dev.keyturn.cli.StartupTraining help --then lint FILE --then status ...}, so the cache holds the
 * classes (loaded and linked) that the common commands' start needs; later runs of {@code keyturn}
 * map them instead of loading them from the jar. All commands run in this one JVM because the JDK
 * writes one cache per run. Their output is discarded and their exit codes do not matter: a command
 * that fails (no AWS at build time) has still loaded what its start-up loads.
 */
public final class StartupTraining {

  /** Separates one command's arguments from the next one's. */
  static final String THEN = "--then";

  private StartupTraining() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(discard);
    System.setErr(discard);
    try {
      run(commands(args));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Runs each command as {@code keyturn} would and returns their exit codes. */
  static List<Integer> run(List<List<String>> commands) {
    List<Integer> exitCodes = new ArrayList<>();
    for (List<String> command : commands) {
      exitCodes.add(Main.run(command.toArray(String[]::new)));
    }
    return exitCodes;
  }

  /** The commands in {@code args}, split at {@value #THEN}. */
  static List<List<String>> commands(String... args) {
    List<List<String>> commands = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(THEN)) {
        commands.add(List.copyOf(current));
        current.clear();
      } else {
        current.add(arg);
      }
    }
    commands.add(List.copyOf(current));
    return commands;
  }
}
