package dev.keyturn.benchmarks.coldstart;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The results as Markdown: one table per scenario, then the ratios. */
final class Report {

  private Report() {}

  static String markdown(
      List<Scenario> scenarios,
      Results results,
      int runs,
      String machine,
      List<JvmFlags> flagSets,
      List<Variant> variants) {
    StringBuilder md = new StringBuilder();
    md.append("Medians of ").append(runs).append(" runs per row, in ms. ").append(machine);
    md.append("\n");
    for (Scenario scenario : scenarios) {
      md.append("\n### ").append(scenario.description()).append("\n\n");
      md.append(
          "| JVM flags | handler | spawn → answer | (min–max) | JVM boot | init | SnapStart hooks |");
      md.append(" first invoke | CPU | calls of the invocation |\n");
      md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
      for (JvmFlags flags : flagSets) {
        for (Variant variant : variants) {
          Results.Key key = new Results.Key(scenario.description(), flags, variant);
          md.append("| ").append(flags.label()).append(" | ").append(variant.label());
          md.append(" | ").append(ms(results.median(key, Measurement::totalMs)));
          md.append(" | ").append(range(results.of(key)));
          md.append(" | ").append(ms(results.median(key, Measurement::bootMs)));
          md.append(" | ").append(ms(results.median(key, Measurement::initMs)));
          md.append(" | ")
              .append(
                  variant == Variant.KEYTURN_PRIMED
                      ? ms(results.median(key, Measurement::primeMs))
                      : "-");
          md.append(" | ").append(ms(results.median(key, Measurement::invokeMs)));
          md.append(" | ").append(ms(results.median(key, Measurement::cpuMs)));
          md.append(" | ").append(calls(results.of(key))).append(" |\n");
        }
      }
      md.append("\n");
      for (JvmFlags flags : flagSets) {
        md.append(ratios(scenario, flags, results, variants.contains(Variant.KEYTURN_BEFORE)));
      }
    }
    return md.toString();
  }

  private static String ratios(
      Scenario scenario, JvmFlags flags, Results results, boolean withBefore) {
    Results.Key keyturn = new Results.Key(scenario.description(), flags, Variant.KEYTURN);
    Results.Key bare = new Results.Key(scenario.description(), flags, Variant.BARE);
    Results.Key primed = new Results.Key(scenario.description(), flags, Variant.KEYTURN_PRIMED);
    double total = ratio(results, keyturn, bare, Measurement::totalMs);
    double init = ratio(results, keyturn, bare, Measurement::initMs);
    double invoke = ratio(results, keyturn, bare, Measurement::invokeMs);
    double cpu = ratio(results, keyturn, bare, Measurement::cpuMs);
    double primedInvoke = ratio(results, primed, keyturn, Measurement::invokeMs);
    String line =
        ("- %s: keyturn/bare **%.2f×** spawn → answer (init %.2f×, first invoke %.2f×; CPU"
                + " %.2f×); primed first invoke = %.2f× the unprimed one\n")
            .formatted(flags.label(), total, init, invoke, cpu, primedInvoke);
    if (!withBefore) {
      return line;
    }
    Results.Key keyturnBefore =
        new Results.Key(scenario.description(), flags, Variant.KEYTURN_BEFORE);
    Results.Key bareBefore = new Results.Key(scenario.description(), flags, Variant.BARE_BEFORE);
    return line
        + ("- %s, before: keyturn/bare **%.2f×** spawn → answer (init %.2f×, first invoke %.2f×;"
                + " CPU %.2f×); keyturn after/before %.2f× spawn → answer, %.2f× CPU;"
                + " keyturn after / bare before %.2f× spawn → answer, %.2f× CPU\n")
            .formatted(
                flags.label(),
                ratio(results, keyturnBefore, bareBefore, Measurement::totalMs),
                ratio(results, keyturnBefore, bareBefore, Measurement::initMs),
                ratio(results, keyturnBefore, bareBefore, Measurement::invokeMs),
                ratio(results, keyturnBefore, bareBefore, Measurement::cpuMs),
                ratio(results, keyturn, keyturnBefore, Measurement::totalMs),
                ratio(results, keyturn, keyturnBefore, Measurement::cpuMs),
                ratio(results, keyturn, bareBefore, Measurement::totalMs),
                ratio(results, keyturn, bareBefore, Measurement::cpuMs));
  }

  private static double ratio(
      Results results,
      Results.Key numerator,
      Results.Key denominator,
      java.util.function.ToDoubleFunction<Measurement> value) {
    return results.median(numerator, value) / results.median(denominator, value);
  }

  /** The spread of spawn → answer over the runs of a row. */
  private static String range(List<Measurement> runs) {
    return runs.isEmpty()
        ? "-"
        : "%.0f–%.0f"
            .formatted(
                runs.stream().mapToDouble(Measurement::totalMs).min().orElseThrow(),
                runs.stream().mapToDouble(Measurement::totalMs).max().orElseThrow());
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.0f", value);
  }

  /** The calls of the runs, or a warning when runs of one row did not all make the same calls. */
  private static String calls(List<Measurement> runs) {
    if (runs.isEmpty()) {
      return "-";
    }
    Map<String, Integer> first = runs.get(0).calls();
    boolean same = runs.stream().allMatch(m -> m.calls().equals(first));
    String listed =
        first.entrySet().stream()
            .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
            .collect(Collectors.joining(", "));
    int count = first.values().stream().mapToInt(Integer::intValue).sum();
    return count + ": " + listed + (same ? "" : " (runs differ!)");
  }
}
