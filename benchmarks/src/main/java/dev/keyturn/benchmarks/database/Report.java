package dev.keyturn.benchmarks.database;

import dev.keyturn.benchmarks.database.BenchDatabases.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the windows and writes medians and ratios (markdown, also to stdout). */
final class Report {

  /** What ran beside the pool in a window. */
  enum Mode {
    /** nothing */
    IDLE,
    /** an hmac-key secret rotating back to back: the AWS side of a rotation, no database */
    CONTROL,
    /** the pool's own alternating-users secret rotating back to back */
    DATABASE
  }

  private final Map<Engine, Map<Mode, List<RotationLoad.Result>>> results =
      new EnumMap<>(Engine.class);
  private final Map<Engine, List<RotationLoad.Window>> windows = new EnumMap<>(Engine.class);

  void throughput(Engine engine, Mode mode, RotationLoad.Result result) {
    results
        .computeIfAbsent(engine, e -> new EnumMap<>(Mode.class))
        .computeIfAbsent(mode, m -> new ArrayList<>())
        .add(result);
  }

  void window(Engine engine, RotationLoad.Window window) {
    windows.computeIfAbsent(engine, e -> new ArrayList<>()).add(window);
  }

  void write(Path file) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Database rotation under a pooled client (")
        .append(Instant.now().toString(), 0, 10)
        .append(", ")
        .append(Runtime.version())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs)\n\n");
    md.append("## Alternating users: an app's queries/s while its secret rotates\n\n");
    md.append(
        "Interleaved windows; medians. control = an hmac-key secret rotating back to back (the"
            + " same Secrets Manager, DynamoDB and EventBridge work on this machine's emulators,"
            + " no database); database = the pool's own alternating-users secret rotating back to"
            + " back.\n\n");
    md.append(
        "| engine | q/s idle | q/s control | q/s database | database / idle | database / control"
            + " | rotations | failed queries | refused logins | why queries failed |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (var entry : results.entrySet()) {
      Map<Mode, List<RotationLoad.Result>> m = entry.getValue();
      double idle = qps(m.get(Mode.IDLE));
      double control = qps(m.get(Mode.CONTROL));
      double database = qps(m.get(Mode.DATABASE));
      List<RotationLoad.Result> db = m.get(Mode.DATABASE);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %d | %d | %d | %s |%n",
              entry.getKey().name().toLowerCase(Locale.ROOT),
              idle,
              control,
              database,
              database / idle,
              database / control,
              db.stream().mapToInt(RotationLoad.Result::rotations).sum(),
              all(m).stream().mapToInt(RotationLoad.Result::failedQueries).sum(),
              all(m).stream().mapToInt(RotationLoad.Result::refusedLogins).sum(),
              reasons(all(m))));
    }
    md.append("\n## Single user: the app's failure window per rotation\n\n");
    md.append(
        "| engine | failure window (median) | max | refused logins / rotation | failed queries / rotation | setSecret..finishSecret (median) |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (var entry : windows.entrySet()) {
      List<RotationLoad.Window> w = entry.getValue();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d ms | %d ms | %.1f | %.1f | %d ms |%n",
              entry.getKey().name().toLowerCase(Locale.ROOT),
              medianMillis(w.stream().map(RotationLoad.Window::failureWindow).toList()),
              w.stream()
                  .map(RotationLoad.Window::failureWindow)
                  .max(Comparator.naturalOrder())
                  .orElse(Duration.ZERO)
                  .toMillis(),
              w.stream().mapToInt(RotationLoad.Window::refusedLogins).average().orElse(0),
              w.stream().mapToInt(RotationLoad.Window::failedQueries).average().orElse(0),
              medianMillis(w.stream().map(RotationLoad.Window::rotation).toList())));
    }
    System.out.print(md);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, md);
  }

  private static double qps(List<RotationLoad.Result> results) {
    return median(results.stream().map(RotationLoad.Result::queriesPerSecond).toList());
  }

  private static List<RotationLoad.Result> all(Map<Mode, List<RotationLoad.Result>> byMode) {
    List<RotationLoad.Result> all = new ArrayList<>();
    byMode.values().forEach(all::addAll);
    return all;
  }

  private static String reasons(List<RotationLoad.Result> results) {
    java.util.Set<String> all = new java.util.TreeSet<>();
    results.forEach(r -> all.addAll(r.reasons()));
    return all.isEmpty() ? "-" : String.join("; ", all);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long medianMillis(List<Duration> values) {
    return Math.round(median(values.stream().map(d -> (double) d.toMillis()).toList()));
  }
}
