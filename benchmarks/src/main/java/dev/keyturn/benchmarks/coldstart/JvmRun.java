package dev.keyturn.benchmarks.coldstart;

import dev.keyturn.benchmarks.coldstart.launch.Launcher;
import dev.keyturn.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts one child JVM and times it from process spawn to the launcher's marker line, which it
 * prints right after the answer. Everything else the child prints (its JSON logs, EMF lines) is
 * read and kept in a log file, so a full pipe never stalls the child.
 */
final class JvmRun {

  private static final int KEPT_LINES = 40;

  private JvmRun() {}

  static Measurement run(List<String> command, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().putAll(environment);
    builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long spawnedAt = System.currentTimeMillis();
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
    Deque<String> recent = new ArrayDeque<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(Launcher.MARKER)) {
          long answered = System.nanoTime();
          keep(recent, line);
          drain(out, recent);
          finish(process, recent, log);
          return measurement(line, answered - started, spawnedAt);
        }
        keep(recent, line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    finish(process, recent, log);
    throw new IllegalStateException("the child JVM gave no answer; see " + log);
  }

  private static Measurement measurement(String markerLine, long totalNanos, long spawnedAt) {
    Map<String, Object> m = Json.map(markerLine.substring(Launcher.MARKER.length()));
    if (m.containsKey("error")) {
      throw new IllegalStateException("the handler failed: " + m.get("error"));
    }
    Map<String, Integer> calls = new TreeMap<>();
    ((Map<?, ?>) m.get("calls"))
        .forEach((k, v) -> calls.put(k.toString(), ((Number) v).intValue()));
    return new Measurement(
        totalNanos / 1_000_000.0,
        ((Number) m.get("mainAtEpochMs")).longValue() - spawnedAt,
        number(m, "initMs"),
        number(m, "primeMs"),
        number(m, "invokeMs"),
        number(m, "cpuMs"),
        calls);
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private static void drain(BufferedReader out, Deque<String> recent) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      keep(recent, line);
    }
  }

  private static void keep(Deque<String> recent, String line) {
    recent.addLast(line);
    if (recent.size() > KEPT_LINES) {
      recent.removeFirst();
    }
  }

  private static void finish(Process process, Deque<String> recent, Path log) {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.write(
          log,
          recent,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
