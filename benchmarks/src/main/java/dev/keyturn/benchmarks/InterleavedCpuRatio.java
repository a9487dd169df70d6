package dev.keyturn.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A load-tolerant cross-check of {@link WebhookVerifyBenchmark} for shared machines: it runs the
 * same contenders in short interleaved slices and divides by this thread's CPU time, so other
 * processes shift every contender alike instead of whichever JMH happened to run at a busy moment.
 * Not a replacement for JMH (no forks, no blackholes): compare its ratios, not its absolute
 * numbers.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.keyturn.benchmarks.InterleavedCpuRatio}
 */
public final class InterleavedCpuRatio {

  private static final long SLICE_NANOS = 15_000_000;
  private static final int WARM_UP_ROUNDS = 100;
  private static final int MEASURED_ROUNDS = 200;

  /** One contender: runs its operation {@code times} times and returns something to consume. */
  private record Contender(String name, Batch batch) {}

  @FunctionalInterface
  private interface Batch {
    int run(int times) throws Exception;
  }

  private InterleavedCpuRatio() {}

  public static void main(String[] args) throws Exception {
    WebhookVerifyBenchmark b = new WebhookVerifyBenchmark();
    b.setUp();
    List<Contender> contenders =
        List.of(
            new Contender(
                "keyturnStandardWebhooks",
                n -> count(n, () -> b.keyturnStandardWebhooks().verified())),
            new Contender(
                "jcaMacStandardWebhooksContent", n -> count(n, b::jcaMacStandardWebhooksContent)),
            new Contender("keyturnStripe", n -> count(n, () -> b.keyturnStripe().verified())),
            new Contender("jcaMacStripeContent", n -> count(n, b::jcaMacStripeContent)),
            new Contender(
                "jcaMacAndReplayDigestStripeContent",
                n -> count(n, () -> b.jcaMacAndReplayDigestStripeContent() != null)),
            new Contender(
                "standardWebhooksLibrary", n -> count(n, () -> run(b::standardWebhooksLibrary))),
            new Contender("svix", n -> count(n, () -> run(b::svix))),
            new Contender("stripeJava", n -> count(n, b::stripeJava)));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] operations = new long[contenders.size()];
    long[] cpuNanos = new long[contenders.size()];
    int consumed = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
      for (int i = 0; i < contenders.size(); i++) {
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long end = System.nanoTime() + SLICE_NANOS;
        long done = 0;
        do {
          consumed += contenders.get(i).batch().run(32);
          done += 32;
        } while (System.nanoTime() < end);
        if (round >= WARM_UP_ROUNDS) {
          operations[i] += done;
          cpuNanos[i] += cpu.getCurrentThreadCpuTime() - cpuStart;
        }
      }
    }
    for (int i = 0; i < contenders.size(); i++) {
      System.out.printf(
          "%-36s %,12.0f ops per CPU-second%n",
          contenders.get(i).name(), operations[i] * 1e9 / cpuNanos[i]);
    }
    System.out.println(consumed == 0 ? "(no contender verified)" : "");
  }

  /** An operation that verifies and reports whether it did. */
  @FunctionalInterface
  private interface Check {
    boolean verified() throws Exception;
  }

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }

  private static boolean run(Action action) throws Exception {
    action.run();
    return true;
  }

  private static int count(int times, Check check) throws Exception {
    int verified = 0;
    for (int i = 0; i < times; i++) {
      verified += check.verified() ? 1 : 0;
    }
    return verified;
  }
}
