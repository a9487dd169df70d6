package dev.keyturn.benchmarks.coldstart;

import java.util.List;

/** JVM options a run is measured with. */
enum JvmFlags {
  /** The JDK's defaults (C1 and C2). */
  DEFAULT("JDK defaults", List.of()),
  /** template.yaml's JAVA_TOOL_OPTIONS: C1 only, as AWS recommends for short-lived functions. */
  C1_ONLY("-XX:TieredStopAtLevel=1", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));

  private final String label;
  private final List<String> options;

  JvmFlags(String label, List<String> options) {
    this.label = label;
    this.options = options;
  }

  /** {@code defaults}, {@code c1} or {@code all}. */
  static List<JvmFlags> parse(String name) {
    return switch (name) {
      case "defaults" -> List.of(DEFAULT);
      case "c1" -> List.of(C1_ONLY);
      case "all" -> List.of(values());
      default -> throw new IllegalArgumentException("--flags defaults|c1|all, not " + name);
    };
  }

  String label() {
    return label;
  }

  List<String> options() {
    return options;
  }
}
