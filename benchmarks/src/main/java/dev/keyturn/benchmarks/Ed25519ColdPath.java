package dev.keyturn.benchmarks;

import dev.keyturn.webhook.scheme.Ed25519Primer;
import dev.keyturn.webhook.scheme.Headers;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.scheme.SignatureScheme;
import dev.keyturn.webhook.scheme.WebhookRequest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The CPU a cold container spends verifying its first forged {@code v1a} (ed25519) delivery, in a
 * fresh JVM per run with Lambda's JIT flags: unprimed, and after the SnapStart primer ran (as it
 * does before the snapshot). The forged delivery is signed by another ed25519 key and verified
 * against a public key the JVM has not parsed yet.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.keyturn.benchmarks.Ed25519ColdPath
 * [runs]}
 */
public final class Ed25519ColdPath {

  private Ed25519ColdPath() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args[1].equals("primed"), args[2], args[3], Long.parseLong(args[4]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    // key material made here, so no child pays for key generation in its measurement
    KeyPair receiver = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    long timestamp = Instant.now().getEpochSecond();
    String publicKey =
        "whpk_"
            + Base64.getEncoder()
                .encodeToString(
                    Arrays.copyOfRange(
                        receiver.getPublic().getEncoded(),
                        receiver.getPublic().getEncoded().length - 32,
                        receiver.getPublic().getEncoded().length));
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(forger.getPrivate());
    signer.update(content(timestamp));
    String forged = Base64.getEncoder().encodeToString(signer.sign());
    for (String mode : List.of("unprimed", "primed")) {
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        millis.add(runChild(mode, publicKey, forged, timestamp));
      }
      millis.sort(Double::compare);
      System.out.printf(
          "%-9s first forged v1a verification: median %.1f ms CPU (min %.1f, max %.1f, %d runs)%n",
          mode, millis.get(runs / 2), millis.getFirst(), millis.getLast(), runs);
    }
  }

  private static double runChild(String mode, String key, String forged, long timestamp)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Ed25519ColdPath.class.getName(),
                "--child",
                mode,
                key,
                forged,
                Long.toString(timestamp))
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("child failed: " + out);
    }
    return Double.parseDouble(out.strip());
  }

  private static byte[] content(long timestamp) {
    return ("msg_cold." + timestamp + ".{\"type\":\"forged\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void child(boolean primed, String key, String forged, long timestamp) {
    if (primed && !Ed25519Primer.prime()) {
      throw new IllegalStateException("primer did not verify its vector");
    }
    SignatureScheme scheme =
        Schemes.create("standard-webhooks", Map.of("keyType", "ed25519-public"));
    WebhookRequest request =
        new WebhookRequest(
            "{\"type\":\"forged\"}".getBytes(StandardCharsets.UTF_8),
            Headers.of(
                "webhook-id",
                "msg_cold",
                "webhook-timestamp",
                Long.toString(timestamp),
                "webhook-signature",
                "v1a," + forged));
    var threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    boolean verified =
        scheme.verify(request, List.of(key), Instant.ofEpochSecond(timestamp)).verified();
    long cpu = threads.getCurrentThreadCpuTime() - start;
    if (verified) {
      throw new IllegalStateException("a forged delivery verified");
    }
    System.out.println(cpu / 1e6);
  }
}
