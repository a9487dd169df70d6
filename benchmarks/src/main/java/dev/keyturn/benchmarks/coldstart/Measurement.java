package dev.keyturn.benchmarks.coldstart;

import java.util.Map;

/**
 * One child JVM, in milliseconds.
 *
 * @param totalMs process spawn to the answer (what a cold invocation waits for, less the runtime)
 * @param bootMs process spawn to the launcher's main (JVM start, class path opening)
 * @param initMs handler construction (Lambda's init phase: for keyturn, the Micronaut context)
 * @param primeMs SnapStart hooks (only when primed; not part of totalMs' meaning for a restore)
 * @param invokeMs event deserialization, the handler call, answer serialization
 * @param cpuMs CPU time of the child JVM (all threads) until the answer
 * @param calls AWS calls of the invocation, by service and operation
 */
record Measurement(
    double totalMs,
    double bootMs,
    double initMs,
    double primeMs,
    double invokeMs,
    double cpuMs,
    Map<String, Integer> calls) {

  /** This measurement with {@code more} calls (made outside the child's SDK) added. */
  Measurement withCalls(Map<String, Integer> more) {
    Map<String, Integer> all = new java.util.TreeMap<>(calls);
    more.forEach((call, count) -> all.merge(call, count, Integer::sum));
    return new Measurement(totalMs, bootMs, initMs, primeMs, invokeMs, cpuMs, all);
  }
}
