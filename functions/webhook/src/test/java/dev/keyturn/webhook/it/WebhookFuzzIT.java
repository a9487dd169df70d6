package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.lambda.LambdaInvocationException;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.it.FuzzCorpus.FuzzRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Fuzz through what Lambda runs: the shaded webhook jar loaded by the Lambda runtime's own loader,
 * invoked with Function URL event JSON, against moto and DynamoDB Local. Requests across every
 * scheme: forgeries (a body byte, a signature or signed field character, another source's secret,
 * no or a truncated signature, a stale or future timestamp, a flipped base64 flag, the wrong
 * source, method or path, conflicting Svix headers), each with random header noise and header-name
 * case, and a held-back set of valid deliveries sent once plus repeats. No forgery may be accepted,
 * nothing may fail unhandled, and every valid delivery must reach the bus exactly once.
 *
 * <p>2,000 requests in the build; {@code -Psoak} (or {@code -Dkeyturn.fuzz.requests=N}) runs
 * 100,000. {@code keyturn.fuzz.threads} (soak: 3) sends from that many threads, each through a
 * sandbox of its own (the jar loaded once per thread, as Lambda runs concurrent requests in
 * separate containers); a delivery and its repeats always go through one thread, in order.
 */
@WithLocalAws
class WebhookFuzzIT {

  static final int REQUESTS = Integer.getInteger("keyturn.fuzz.requests", 2_000);
  static final int THREADS = Integer.getInteger("keyturn.fuzz.threads", 1);
  static final long SEED = Long.getLong("keyturn.fuzz.seed", System.nanoTime());
  static final String BUS = "keyturn";
  static final Pattern NONCE = Pattern.compile(FuzzCorpus.NONCE_PREFIX + "[0-9]+-");

  /** Settings of the run; restored after. AWS calls get room for a loaded machine's moto. */
  static final Map<String, String> PROPERTIES =
      Map.of(
          "keyturn.event-bus", BUS,
          "aws.lambda.function.name", "keyturn-webhook-fuzz",
          "keyturn.aws.call-timeout", "5s",
          "keyturn.aws.attempt-timeout", "5s",
          "keyturn.webhook.claim-ttl", "20s");

  static List<LambdaRuntimeHarness> sandboxes = new ArrayList<>();
  static BusTap bus;
  static FuzzCorpus corpus;

  @BeforeAll
  static void load(LocalAws aws) throws Exception {
    PROPERTIES.forEach(System::setProperty);
    bus = new BusTap(BUS);
    InventorySeeder inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
    KeyPair sender = ed25519.generateKeyPair();
    List<FuzzSource> sources = new ArrayList<>();
    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
      sources.add(
          source(
              secrets,
              inventory,
              "fz-sw",
              "standard-webhooks",
              Map.of(),
              "whsec_" + base64(32),
              null,
              "webhook-signature",
              "webhook-timestamp",
              true,
              true));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-swa",
              "standard-webhooks",
              Map.of("keyType", "ed25519-public"),
              publicKey(sender),
              sender,
              "webhook-signature",
              "webhook-timestamp",
              true,
              true));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-stripe",
              "stripe",
              Map.of(),
              "whsec_" + hex(24),
              null,
              "stripe-signature",
              null,
              true,
              false));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-slack",
              "slack",
              Map.of(),
              hex(32),
              null,
              "x-slack-signature",
              "x-slack-request-timestamp",
              true,
              false));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-github",
              "github",
              Map.of(),
              hex(32),
              null,
              "x-hub-signature-256",
              null,
              false,
              false));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-heroku",
              "heroku",
              Map.of(),
              base64(32),
              null,
              "heroku-webhook-hmac-sha256",
              null,
              false,
              false));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-shopify",
              "shopify",
              Map.of(),
              hex(32),
              null,
              "x-shopify-hmac-sha256",
              null,
              false,
              false));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-freescout",
              "freescout",
              Map.of(),
              hex(20),
              null,
              "x-freescout-signature",
              null,
              false,
              false));
      sources.add(
          source(
              secrets,
              inventory,
              "fz-generic",
              "generic-hmac",
              Map.of(
                  "header",
                  "X-Signature",
                  "algorithm",
                  "sha512",
                  "encoding",
                  "base64",
                  "prefix",
                  "sha512="),
              "k" + hex(24),
              null,
              "x-signature",
              null,
              false,
              false));
    }
    corpus = new FuzzCorpus(sources, ed25519.generateKeyPair(), template());
    TemplateFunction function = TemplateFunction.of("WebhookFunction");
    for (int i = 0; i < THREADS; i++) {
      sandboxes.add(LambdaRuntimeHarness.load(function.codeUri(), function.handler()));
    }
  }

  @AfterAll
  static void close() {
    sandboxes.forEach(LambdaRuntimeHarness::close);
    if (bus != null) {
      bus.close();
    }
    PROPERTIES.keySet().forEach(System::clearProperty);
  }

  private static FuzzSource source(
      SecretsManagerClient secrets,
      InventorySeeder inventory,
      String name,
      String scheme,
      Map<String, String> options,
      String stored,
      KeyPair keys,
      String signatureHeader,
      String timestampHeader,
      boolean timestamped,
      boolean idSigned) {
    String secretId = "keyturn/it/fuzz/" + name;
    secrets.createSecret(b -> b.name(secretId).secretString(SeededSecrets.register(stored)));
    inventory.webhook(name, scheme, secretId, null, options);
    return new FuzzSource(
        name,
        scheme,
        options,
        stored,
        keys,
        signatureHeader,
        timestampHeader,
        timestamped,
        idSigned);
  }

  private static String base64(int bytes) {
    return Base64.getEncoder().encodeToString(random(bytes));
  }

  private static String hex(int bytes) {
    return HexFormat.of().formatHex(random(bytes));
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static String publicKey(KeyPair keys) {
    byte[] der = keys.getPublic().getEncoded();
    return "whpk_"
        + Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
  }

  private static ObjectNode template() throws IOException {
    try (InputStream in =
        WebhookFuzzIT.class.getResourceAsStream("/events/function-url-post.json")) {
      return (ObjectNode) Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Tallies of the run; the senders update them holding its lock. */
  private static final class Run {
    final Map<String, Integer> sentByKind = new TreeMap<>();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final List<String> forgeriesAccepted = new ArrayList<>();
    final List<String> unhandled = new ArrayList<>();
    final List<String> validMishandled = new ArrayList<>();
    final Map<String, Integer> firstNonces = new HashMap<>();
    final List<Double> blockRates = new ArrayList<>();
    long blockStart = System.nanoTime();
    int planned;
    int sent;
    int retries;
  }

  /** Requests per progress line: the rate per block shows whether a warm sandbox slows down. */
  static final int BLOCK = 10_000;

  @Test
  void noForgeryIsAccepted_nothingFailsUnhandled_andEveryValidDeliveryIsForwardedOnce()
      throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    Run run = new Run();
    long start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (LambdaRuntimeHarness sandbox : sandboxes) {
        senders.add(threads.submit(() -> sendUntilDone(sandbox, random, run)));
      }
      for (Future<?> sender : senders) {
        sender.get();
      }
    } finally {
      threads.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> forwarded = forwardedNonces();

    System.err.printf(
        "webhook fuzz (seed %d): %,d requests in %.1f s = %.0f requests/s; %d valid deliveries,"
            + " %d forwarded; forgeries accepted %d; unhandled %d; valid mishandled %d;"
            + " retries %d%n  by kind %s%n  by status %s%n  requests/s per %,d: %s%n",
        SEED,
        run.sent,
        seconds,
        run.sent / seconds,
        run.firstNonces.size(),
        forwarded.size(),
        run.forgeriesAccepted.size(),
        run.unhandled.size(),
        run.validMishandled.size(),
        run.retries,
        run.sentByKind,
        run.statuses,
        BLOCK,
        run.blockRates.stream().map(r -> String.format("%.0f", r)).toList());
    assertThat(run.forgeriesAccepted).as("forgeries accepted (seed %d)", SEED).isEmpty();
    assertThat(run.unhandled).as("unhandled failures (seed %d)", SEED).isEmpty();
    assertThat(run.validMishandled).as("valid deliveries mishandled (seed %d)", SEED).isEmpty();
    assertThat(forwarded)
        .as("every valid delivery on the bus exactly once, nothing else (seed %d)", SEED)
        .isEqualTo(run.firstNonces);
  }

  /**
   * Takes the corpus's next step (a delivery and its repeats, generated in the seed's order under
   * one lock) until the run has its requests, and sends it through {@code sandbox}.
   */
  private static void sendUntilDone(
      LambdaRuntimeHarness sandbox, SplittableRandom random, Run run) {
    while (true) {
      List<FuzzRequest> step;
      synchronized (corpus) {
        if (run.planned >= REQUESTS) {
          return;
        }
        step = corpus.step(random);
        run.planned += step.size();
      }
      for (FuzzRequest request : step) {
        send(sandbox, request, run);
      }
    }
  }

  private static void send(LambdaRuntimeHarness sandbox, FuzzRequest request, Run run) {
    int status = invoke(sandbox, request, run);
    int retries = 0;
    for (int attempt = 0; attempt < 5 && (status == 503 || status == 409); attempt++) {
      // what a provider does with a retryable answer
      retries++;
      status = invoke(sandbox, request, run);
    }
    synchronized (run) {
      tally(request, status, retries, run);
    }
  }

  private static void tally(FuzzRequest request, int status, int retries, Run run) {
    run.sent++;
    if (run.sent % BLOCK == 0) {
      long now = System.nanoTime();
      double rate = BLOCK / ((now - run.blockStart) / 1e9);
      run.blockRates.add(rate);
      run.blockStart = now;
      System.err.printf(
          "webhook fuzz: %,d requests; block %d at %.0f requests/s%n",
          run.sent, run.blockRates.size(), rate);
    }
    run.retries += retries;
    run.sentByKind.merge(request.kind(), 1, Integer::sum);
    run.statuses.merge(status, 1, Integer::sum);
    switch (request.expect()) {
      case FORGED -> {
        if (status == 200 || status == 202) {
          run.forgeriesAccepted.add(request + " -> " + status);
        } else if (status < 400 || status >= 500) {
          run.unhandled.add(request + " -> " + status);
        }
      }
      case FIRST -> {
        run.firstNonces.put(request.nonce(), 1);
        if (status != 202) {
          run.validMishandled.add(request + " -> " + status);
        }
      }
      case REPEAT -> {
        if (status != 200) {
          run.validMishandled.add(request + " -> " + status);
        }
      }
    }
  }

  private static int invoke(LambdaRuntimeHarness sandbox, FuzzRequest request, Run run) {
    try {
      Map<String, Object> response =
          Json.map(sandbox.invoke(request.json(), Duration.ofSeconds(60)));
      return ((Number) response.get("statusCode")).intValue();
    } catch (LambdaInvocationException e) {
      synchronized (run) {
        run.unhandled.add(request + " threw " + e.getClass().getSimpleName());
      }
      return -1;
    }
  }

  /** How often each delivery's nonce reached the bus. */
  private static Map<String, Integer> forwardedNonces() {
    Map<String, Integer> out = new HashMap<>();
    for (BusTap.Delivered event : bus.drain()) {
      Object body = event.detail().get("body");
      String text =
          "base64".equals(event.detail().get("bodyFormat"))
              ? new String(Base64.getDecoder().decode((String) body), StandardCharsets.ISO_8859_1)
              : body instanceof String s ? s : Json.write(body);
      Matcher nonce = NONCE.matcher(text);
      out.merge(nonce.find() ? nonce.group() : "no-nonce:" + event.detailType(), 1, Integer::sum);
    }
    return out;
  }
}
