package dev.keyturn.cli.shipped;

import dev.keyturn.cli.support.CliResult;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The shaded jar as operators run it: a JVM of its own, with the environment, stdin and terminal a
 * test gives it. {@link #onTerminal} runs it under util-linux {@code script}, which gives it a
 * pseudo-terminal (stdout and stderr then arrive merged, with CRLF line ends). Every run is checked
 * for seeded secret values.
 */
final class ShippedCli {

  static final long TIMEOUT_SECONDS = 180;

  private final Map<String, String> environment;
  private final boolean inheritEnvironment;

  private ShippedCli(Map<String, String> environment, boolean inheritEnvironment) {
    this.environment = environment;
    this.inheritEnvironment = inheritEnvironment;
  }

  /** This JVM's environment plus {@code more}. */
  static ShippedCli with(Map<String, String> more) {
    return new ShippedCli(Map.copyOf(more), true);
  }

  /** Only PATH, a HOME of its own and {@code more}: no AWS setting leaks in from the machine. */
  static ShippedCli clean(Path home, Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(more);
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    return new ShippedCli(Map.copyOf(env), false);
  }

  CliResult run(String... args) throws Exception {
    return withInput(null, args);
  }

  /** Runs with {@code stdin} as its input (null: none, as from /dev/null). */
  CliResult withInput(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(java());
    command.addAll(List.of(args));
    return execute(command, stdin);
  }

  /** Runs on a terminal, typing {@code typed} (or nothing) into it. */
  CliResult onTerminal(String typed, String... args) throws Exception {
    List<String> command = new ArrayList<>(java());
    command.addAll(List.of(args));
    String line = command.stream().map(ShippedCli::quote).collect(Collectors.joining(" "));
    return execute(List.of("script", "-q", "-e", "-c", line, "/dev/null"), typed);
  }

  private CliResult execute(List<String> command, String stdin) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (!inheritEnvironment) {
      builder.environment().clear();
    }
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process, false));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process, true));
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      // script ends the session at end of input: keep it open until the command is done
      if (!command.getFirst().equals("script")) {
        in.close();
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("keyturn " + String.join(" ", command) + " did not end");
      }
    }
    CliResult result =
        new CliResult(
            process.exitValue(),
            new String(out.get(), StandardCharsets.UTF_8),
            new String(err.get(), StandardCharsets.UTF_8));
    for (String secret : SeededSecrets.values()) {
      if (result.all().contains(secret)) {
        throw new AssertionError("a seeded secret value appeared in the jar's output");
      }
    }
    return result;
  }

  private static byte[] drain(Process process, boolean err) {
    try {
      return (err ? process.getErrorStream() : process.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> java() throws IOException {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar",
        jar().toString());
  }

  static Path jar() throws IOException {
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "keyturn-cli-*-all.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new IllegalStateException("no shaded CLI jar in " + target + ": run after package");
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
