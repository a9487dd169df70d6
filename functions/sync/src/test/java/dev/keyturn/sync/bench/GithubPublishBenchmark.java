package dev.keyturn.sync.bench;

import dev.keyturn.json.Json;
import dev.keyturn.observability.Metrics;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.fakes.GithubFixture;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.github.SealedBox;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.github.GithubStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes 1,000 secrets over 20 GitHub environments (50 each) through keyturn's sync service and
 * its GitHub adapter, against the GitHub stand-in (which checks every call against GitHub's OpenAPI
 * description and opens every sealed box with libsodium), and compares with a naive per-secret loop
 * in the same process: for each secret, GET the environment's public key, seal, PUT (what a {@code
 * gh secret set --env} loop does; it cannot tell what changed, so every run costs the same). The
 * sync's own state, inventory and source reads are in memory: only the GitHub side is measured.
 * Prints wall time and GitHub calls per environment; run with benchmarks/github/run.sh.
 */
public final class GithubPublishBenchmark {

  private static final String REPO = "raxx/bench";

  private final int secrets;
  private final int environments;
  private final GithubStandIn github;
  private final InMemorySecrets values = new InMemorySecrets();
  private final HttpClient http = HttpClient.newHttpClient();

  record Run(String name, long millis, long calls, long writes) {}

  private GithubPublishBenchmark(int secrets, int environments, GithubStandIn github) {
    this.secrets = secrets;
    this.environments = environments;
    this.github = github;
  }

  public static void main(String[] args) {
    int secrets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int environments = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (GithubStandIn github = GithubStandIn.start()) {
      github.setRateLimitRemaining(1_000_000);
      new GithubPublishBenchmark(secrets, environments, github).run();
    }
  }

  private static String env(int e) {
    return "env-" + e;
  }

  private void run() {
    StringBuilder yaml = new StringBuilder("version: 1\nsecrets:\n");
    for (int i = 0; i < secrets; i++) {
      values.put("keyturn/bench/s" + i, "bench-" + UUID.randomUUID());
      yaml.append("  - name: RX_BENCH_")
          .append(i)
          .append("\n    source: {secretsManager: keyturn/bench/s")
          .append(i)
          .append("}\n    sinks:\n      - github: {repo: ")
          .append(REPO)
          .append(", environment: ")
          .append(env(i % environments))
          .append(", var: SECRET_")
          .append(i)
          .append("}\n");
    }
    for (int e = 0; e < environments; e++) {
      github.createEnvironment(REPO, env(e));
      github.createEnvironment("raxx/naive", env(e));
    }
    SyncService service =
        Services.sync(
            new InMemoryInventory(yaml.toString()),
            values,
            new InMemoryState(),
            Clock.systemUTC(),
            Metrics.NONE,
            GithubFixture.port(github, values, 0));
    warmUp();
    List<Run> runs = new ArrayList<>();
    // the baseline first, so neither side gains from the other's warm JIT beyond the warm-up
    Run naive = measure("naive: key + PUT per secret", this::naive);
    runs.add(measure("keyturn: first publish", () -> sync(service)));
    runs.add(measure("keyturn: no change", () -> sync(service)));
    rotateTenPercent();
    runs.add(measure("keyturn: 10% rotated", () -> sync(service)));
    runs.add(measure("keyturn: no change (again)", () -> sync(service)));
    runs.add(naive);
    print(runs);
  }

  /**
   * Pays the one-off costs both ways before measuring (class loading and JIT of the sealing and
   * HTTP paths, connections, the token read): each publishes 100 secrets to a repository of its own
   * that the measured runs never touch.
   */
  private void warmUp() {
    StringBuilder yaml = new StringBuilder("version: 1\nsecrets:\n");
    for (int i = 0; i < 100; i++) {
      values.put("keyturn/warm/s" + i, "warm-" + UUID.randomUUID());
      yaml.append("  - name: RX_WARM_")
          .append(i)
          .append("\n    source: {secretsManager: keyturn/warm/s")
          .append(i)
          .append("}\n    sinks:\n      - github: {repo: raxx/warm, environment: warm, var: W_")
          .append(i)
          .append("}\n");
    }
    github.createEnvironment("raxx/warm", "warm");
    github.createEnvironment("raxx/naive", "warm");
    sync(
        Services.sync(
            new InMemoryInventory(yaml.toString()),
            values,
            new InMemoryState(),
            Clock.systemUTC(),
            Metrics.NONE,
            GithubFixture.port(github, values, 0)));
    for (int i = 0; i < 100; i++) {
      naiveOne("warm", "W_" + i, "warm-up-" + i);
    }
  }

  private void sync(SyncService service) {
    SyncReport r = service.sync(SyncRequest.event(new Scope.AllSinks(), "bench"));
    if (!r.incomplete().isEmpty()) {
      throw new IllegalStateException("incomplete: " + r.incomplete());
    }
  }

  /** One secret in ten, spread evenly: secret i lives in environment i % environments. */
  private void rotateTenPercent() {
    for (int i = 0; i < secrets; i++) {
      if ((i / environments) % 10 == 0) {
        values.put("keyturn/bench/s" + i, "bench-rotated-" + UUID.randomUUID());
      }
    }
  }

  /** The baseline: for every secret, its environment's public key, a sealed box, a PUT. */
  private void naive() {
    for (int i = 0; i < secrets; i++) {
      String value =
          values
              .current(
                  List.of(new dev.keyturn.inventory.Source.SecretsManager("keyturn/bench/s" + i)))
              .values()
              .iterator()
              .next()
              .value();
      naiveOne(env(i % environments), "SECRET_" + i, value);
    }
  }

  private void naiveOne(String environment, String name, String value) {
    String base = "/repos/raxx/naive/environments/" + environment + "/secrets";
    Map<?, ?> key = Json.map(call("GET", base + "/public-key", null));
    byte[] sealed =
        SealedBox.seal(
            value.getBytes(StandardCharsets.UTF_8),
            Base64.getDecoder().decode((String) key.get("key")));
    call(
        "PUT",
        base + "/" + name,
        Json.write(
            Map.of(
                "encrypted_value", Base64.getEncoder().encodeToString(sealed),
                "key_id", key.get("key_id"))));
  }

  private String call(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(github.baseUrl() + path))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("Authorization", "Bearer " + github.defaultToken());
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " -> " + r.statusCode());
      }
      return r.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private Run measure(String name, Runnable work) {
    int before = github.requests().size();
    long writesBefore = writes();
    long start = System.nanoTime();
    work.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Run(name, millis, github.requests().size() - before, writes() - writesBefore);
  }

  private long writes() {
    return github.requests().stream().filter(r -> r.method().equals("PUT")).count();
  }

  private void print(List<Run> runs) {
    System.out.printf(
        Locale.ROOT, "%n%d secrets over %d GitHub environments%n", secrets, environments);
    System.out.println("| run | wall ms | GitHub calls | calls/environment | PUTs |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Run r : runs) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %.1f | %d |%n",
          r.name(),
          r.millis(),
          r.calls(),
          r.calls() / (double) environments,
          r.writes());
    }
    Run first = runs.getFirst();
    Run rotated = runs.get(2);
    Run unchanged = runs.get(1);
    Run naive = runs.getLast();
    System.out.printf(
        Locale.ROOT,
        "%nnaive / keyturn: first publish %.2fx wall, %.2fx calls; 10%% rotated %.2fx wall, %.2fx"
            + " calls; no change %.2fx wall, %.2fx calls%n",
        naive.millis() / (double) Math.max(1, first.millis()),
        naive.calls() / (double) Math.max(1, first.calls()),
        naive.millis() / (double) Math.max(1, rotated.millis()),
        naive.calls() / (double) Math.max(1, rotated.calls()),
        naive.millis() / (double) Math.max(1, unchanged.millis()),
        naive.calls() / (double) Math.max(1, unchanged.calls()));
    github.assertNoContractViolations();
  }
}
