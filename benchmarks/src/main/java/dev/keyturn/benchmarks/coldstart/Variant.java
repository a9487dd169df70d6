package dev.keyturn.benchmarks.coldstart;

/** Which handler a child JVM runs, and how. */
enum Variant {
  /** keyturn's handler from template.yaml: Micronaut context, services, ports, adapters. */
  KEYTURN("keyturn"),
  /** The bare handler: the same AWS calls and outputs with direct SDK calls, no Micronaut. */
  BARE("bare"),
  /**
   * keyturn's handler with its SnapStart hooks run after init (primers, then restore): the first
   * invocation as it would run after a SnapStart restore, less the restore itself.
   */
  KEYTURN_PRIMED("keyturn, primed");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
