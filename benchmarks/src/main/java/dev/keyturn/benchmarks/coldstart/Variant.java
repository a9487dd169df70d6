package dev.keyturn.benchmarks.coldstart;

/** Which handler a child JVM runs, from which build, and how. */
enum Variant {
  /** keyturn's handler from template.yaml: Micronaut context, services, ports, adapters. */
  KEYTURN("keyturn", false, false),
  /** The bare handler: the same AWS calls and outputs with direct SDK calls, no Micronaut. */
  BARE("bare", true, false),
  /**
   * keyturn's handler with its SnapStart hooks run after init (primers, then restore): the first
   * invocation as it would run after a SnapStart restore, less the restore itself.
   */
  KEYTURN_PRIMED("keyturn, primed", false, false),
  /** keyturn's handler from the jars given with {@code --before DIR} (an earlier build). */
  KEYTURN_BEFORE("keyturn, before", false, true),
  /**
   * The bare handler on the {@code --before} build's class path: the same code, but without what
   * the build adds to the jar for keyturn (e.g. Micronaut AOT's logback configuration, which
   * logback would pick up for the bare handler too).
   */
  BARE_BEFORE("bare, before", true, true);

  private final String label;
  private final boolean bare;
  private final boolean before;

  Variant(String label, boolean bare, boolean before) {
    this.label = label;
    this.bare = bare;
    this.before = before;
  }

  String label() {
    return label;
  }

  /** Runs the bare handler rather than keyturn's. */
  boolean bare() {
    return bare;
  }

  /** Runs on the {@code --before} build's jar. */
  boolean before() {
    return before;
  }
}
