package dev.keyturn.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A load-tolerant cross-check of {@link WebhookVerifyBenchmark} for shared machines: for each
 * scenario and body encoding it runs the same contenders, from the same Function URL input, in
 * short interleaved slices and divides by this thread's CPU time, so other processes shift every
 * contender alike instead of whichever JMH happened to run at a busy moment. Prints ops per
 * CPU-second and keyturn's ratios to the best reference library and to the raw-Mac floor. Not a
 * replacement for JMH (no forks, no blackholes): compare its ratios, not its absolute numbers.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.keyturn.benchmarks.InterleavedCpuRatio
 * [rounds]}
 */
public final class InterleavedCpuRatio {

  private static final long SLICE_NANOS = 15_000_000;
  private static final int WARM_UP_ROUNDS = 60;

  /** One contender: runs its operation {@code times} times and returns something to consume. */
  private record Contender(String name, Batch batch) {}

  @FunctionalInterface
  private interface Batch {
    int run(int times) throws Exception;
  }

  private InterleavedCpuRatio() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    for (String scenario : List.of("valid", "rotation", "forged")) {
      for (String encoding : List.of("text", "base64")) {
        for (String body : List.of("event", "opaque")) {
          measure(scenario, encoding, body, rounds);
        }
      }
    }
  }

  private static void measure(String scenario, String encoding, String body, int rounds)
      throws Exception {
    WebhookVerifyBenchmark b = new WebhookVerifyBenchmark();
    b.scenario = scenario;
    b.encoding = encoding;
    b.body = body;
    b.setUp();
    List<Contender> contenders =
        List.of(
            new Contender("keyturnStandardWebhooks", n -> count(n, b::keyturnStandardWebhooks)),
            new Contender("rawMacStandardWebhooks", n -> count(n, b::rawMacStandardWebhooks)),
            new Contender("standardWebhooksLibrary", n -> count(n, b::standardWebhooksLibrary)),
            new Contender("svix", n -> count(n, b::svix)),
            new Contender("keyturnStripe", n -> count(n, b::keyturnStripe)),
            new Contender("rawMacStripe", n -> count(n, b::rawMacStripe)),
            new Contender(
                "rawMacAndReplayDigestStripe",
                n -> count(n, () -> b.rawMacAndReplayDigestStripe() != null)),
            new Contender("stripeJava", n -> count(n, b::stripeJava)));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] operations = new long[contenders.size()];
    long[] cpuNanos = new long[contenders.size()];
    int consumed = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
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
    double[] rate = new double[contenders.size()];
    System.out.printf("%n== %s, %s %s body (%d verified)%n", scenario, encoding, body, consumed);
    for (int i = 0; i < contenders.size(); i++) {
      rate[i] = operations[i] * 1e9 / cpuNanos[i];
      System.out.printf("%-30s %,12.0f ops per CPU-second%n", contenders.get(i).name(), rate[i]);
    }
    System.out.printf(
        "standard-webhooks: %.2fx best library (%s), %.2fx raw Mac%n",
        rate[0] / Math.max(rate[2], rate[3]),
        rate[2] >= rate[3] ? "standardwebhooks" : "svix",
        rate[0] / rate[1]);
    System.out.printf(
        "stripe: %.2fx stripe-java, %.2fx raw Mac, %.2fx raw Mac + replay digest%n",
        rate[4] / rate[7], rate[4] / rate[5], rate[4] / rate[6]);
  }

  /** An operation that verifies and reports whether it did. */
  @FunctionalInterface
  private interface Check {
    boolean verified() throws Exception;
  }

  private static int count(int times, Check check) throws Exception {
    int verified = 0;
    for (int i = 0; i < times; i++) {
      verified += check.verified() ? 1 : 0;
    }
    return verified;
  }
}
