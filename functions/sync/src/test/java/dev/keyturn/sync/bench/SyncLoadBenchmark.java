package dev.keyturn.sync.bench;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.heroku.TokenProvider;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.sync.SyncHandler;
import dev.keyturn.sync.it.AwsCallCounter;
import dev.keyturn.testing.heroku.HerokuStandIn;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Syncs 1,000 secrets (4 in 5 in Secrets Manager, 1 in 5 in SSM) across 50 Heroku apps against
 * moto, DynamoDB Local and the Heroku stand-in, through the real handler, and compares with a naive
 * baseline in the same process: one GetSecretValue / GetParameter per secret and one PATCH per var
 * (what a {@code heroku config:set} loop does). Prints wall time, AWS calls and Heroku calls per
 * app, and releases per app. Run with benchmarks/sync/run.sh [secrets] [apps].
 */
public final class SyncLoadBenchmark {

  private static final String TABLE = "keyturn-bench";
  private static final String TOKEN_SECRET = "keyturn/bench/heroku-token";

  private final int secrets;
  private final int apps;
  private final LocalAws aws;
  private final HerokuStandIn heroku;
  private final SecretsManagerClient sm = SecretsManagerClient.create();
  private final SsmClient ssm = SsmClient.create();
  private final List<Binding> bindings = new ArrayList<>();

  private record Binding(String name, boolean ssm, String sourceId, String app, String var) {}

  /** One measured run. */
  record Run(String name, long millis, Map<String, Integer> aws, int herokuCalls, int releases) {}

  private SyncLoadBenchmark(int secrets, int apps, LocalAws aws, HerokuStandIn heroku) {
    this.secrets = secrets;
    this.apps = apps;
    this.aws = aws;
    this.heroku = heroku;
  }

  public static void main(String[] args) {
    int secrets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int apps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    try (LocalAws aws = LocalAws.start();
        HerokuStandIn heroku = HerokuStandIn.start()) {
      aws.applyToSystemProperties();
      aws.recreateTable(TABLE);
      System.setProperty("keyturn.table", TABLE);
      heroku.setRateLimitBudget(1_000_000);
      new SyncLoadBenchmark(secrets, apps, aws, heroku).run();
    }
  }

  private void run() {
    long seedStart = System.nanoTime();
    seed();
    System.out.printf(
        Locale.ROOT,
        "seeded %d secrets across %d apps in %d ms%n",
        secrets,
        apps,
        (System.nanoTime() - seedStart) / 1_000_000);
    List<Run> runs = new ArrayList<>();
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "heroku.api-url",
                heroku.baseUrl().toString(),
                "heroku.api-token-secret",
                TOKEN_SECRET))) {
      SyncHandler handler = new SyncHandler(ctx);
      warmUp(handler);
      Map<String, Object> scheduled =
          Json.map("{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{}}");
      runs.add(
          measure(
              "keyturn: first publish (all new)", () -> handler.handleRequest(scheduled, null)));
      runs.add(measure("keyturn: no change", () -> handler.handleRequest(scheduled, null)));
      rotateTenPercent();
      runs.add(
          measure(
              "keyturn: 10% rotated (2 per app)", () -> handler.handleRequest(scheduled, null)));
      runs.add(measure("keyturn: no change (again)", () -> handler.handleRequest(scheduled, null)));
    }
    runs.add(measure("naive: per-secret read + per-var PATCH", this::naive));
    runs.add(measure("baseline: per-secret read + one PATCH per app", this::patchPerApp));
    print(runs);
  }

  /**
   * Pays the one-off costs (bean creation, SDK clients, the token read, first connections) before
   * measuring, for keyturn and the baseline alike: a dry run of one app, and one naive read.
   */
  private void warmUp(SyncHandler handler) {
    handler.handleRequest(Map.of("dryRun", true, "app", "bench-app-0"), null);
    Binding first = bindings.getFirst();
    sm.getSecretValue(r -> r.secretId(first.sourceId()).versionStage("AWSCURRENT"));
    new HerokuApi(
            HerokuSettings.defaults(heroku.baseUrl()), TokenProvider.fixed(heroku.defaultToken()))
        .configVars("naive-app-0");
  }

  private void seed() {
    for (int i = 0; i < secrets; i++) {
      boolean isSsm = i % 5 == 4;
      String app = "bench-app-" + (i % apps);
      String sourceId = (isSsm ? "/" : "") + "keyturn/bench/s" + i;
      String value = "bench-" + UUID.randomUUID();
      if (isSsm) {
        ssm.putParameter(
            b -> b.name(sourceId).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
      } else {
        sm.createSecret(b -> b.name(sourceId).secretString(value));
      }
      bindings.add(new Binding("RX_BENCH_" + i, isSsm, sourceId, app, "VAR_" + i));
    }
    sm.createSecret(b ->
        b.name(TOKEN_SECRET)
            .secretString(
                Json.write(Map.of("authorizationId", "bench", "token", heroku.defaultToken()))));
    StringBuilder yaml = new StringBuilder("version: 1\nsecrets:\n");
    for (Binding b : bindings) {
      yaml.append("  - name: ")
          .append(b.name())
          .append("\n    source: {")
          .append(b.ssm() ? "ssmParameter" : "secretsManager")
          .append(": ")
          .append(b.sourceId())
          .append("}\n    sinks:\n      - heroku: {app: ")
          .append(b.app())
          .append(", var: ")
          .append(b.var())
          .append("}\n");
    }
    var store = new DynamoInventoryStore(new StateTable(aws.dynamoDb(), TABLE));
    store.apply(store.plan(InventoryParser.parse(yaml.toString(), "bench").requireValid()));
    for (int a = 0; a < apps; a++) {
      heroku.createApp("bench-app-" + a);
      heroku.createApp("naive-app-" + a);
    }
  }

  /** Rotates one secret in ten, spread evenly: secret i lives on app i % apps. */
  private void rotateTenPercent() {
    for (int i = 0; i < bindings.size(); i++) {
      if ((i / apps) % 10 != 0) {
        continue;
      }
      Binding b = bindings.get(i);
      String value = "bench-rotated-" + UUID.randomUUID();
      if (b.ssm()) {
        ssm.putParameter(r ->
            r.name(b.sourceId()).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
      } else {
        sm.putSecretValue(r -> r.secretId(b.sourceId()).secretString(value));
      }
    }
  }

  /** The baseline: read each secret on its own, set each var on its own (one release each). */
  private void naive() {
    HerokuApi api =
        new HerokuApi(
            HerokuSettings.defaults(heroku.baseUrl()), TokenProvider.fixed(heroku.defaultToken()));
    for (Binding b : bindings) {
      String value =
          b.ssm()
              ? ssm.getParameter(r -> r.name(b.sourceId()).withDecryption(true)).parameter().value()
              : sm.getSecretValue(r -> r.secretId(b.sourceId()).versionStage("AWSCURRENT"))
                  .secretString();
      api.patchConfigVars(b.app().replace("bench-", "naive-"), Map.of(b.var(), value));
    }
  }

  /**
   * What a user scripting {@code heroku config:set A=… B=…} does: read each secret, then one PATCH
   * per app with all of its vars (one release per app, every run: it cannot tell what changed).
   */
  private void patchPerApp() {
    HerokuApi api =
        new HerokuApi(
            HerokuSettings.defaults(heroku.baseUrl()), TokenProvider.fixed(heroku.defaultToken()));
    java.util.Map<String, java.util.Map<String, String>> byApp = new java.util.TreeMap<>();
    for (Binding b : bindings) {
      String value =
          b.ssm()
              ? ssm.getParameter(r -> r.name(b.sourceId()).withDecryption(true)).parameter().value()
              : sm.getSecretValue(r -> r.secretId(b.sourceId()).versionStage("AWSCURRENT"))
                  .secretString();
      byApp
          .computeIfAbsent(
              b.app().replace("bench-", "naive-"), a -> new java.util.LinkedHashMap<>())
          .put(b.var(), value);
    }
    byApp.forEach(api::patchConfigVars);
  }

  private Run measure(String name, Runnable work) {
    AwsCallCounter.reset();
    int herokuBefore = heroku.requests().size();
    int releasesBefore = totalReleases();
    long start = System.nanoTime();
    work.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Run(
        name,
        millis,
        AwsCallCounter.snapshot(),
        heroku.requests().size() - herokuBefore,
        totalReleases() - releasesBefore);
  }

  private int totalReleases() {
    int n = 0;
    for (int a = 0; a < apps; a++) {
      n += heroku.releases("bench-app-" + a).size() + heroku.releases("naive-app-" + a).size();
    }
    return n;
  }

  private void print(List<Run> runs) {
    System.out.printf(Locale.ROOT, "%n%d secrets across %d apps%n", secrets, apps);
    System.out.println(
        "| run | wall ms | secret reads (SM+SSM) | DynamoDB calls | Heroku calls | Heroku calls/app | releases/app |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Run r : runs) {
      int reads = sum(r.aws(), "SecretsManager.") + sum(r.aws(), "Ssm.");
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %d | %.1f | %.1f |%n",
          r.name(),
          r.millis(),
          reads,
          sum(r.aws(), "DynamoDb."),
          r.herokuCalls(),
          r.herokuCalls() / (double) apps,
          r.releases() / (double) apps);
    }
    Run first = runs.getFirst();
    Run naive = runs.get(runs.size() - 2);
    Run perApp = runs.getLast();
    System.out.printf(
        Locale.ROOT,
        "%nHeroku calls per app: keyturn first publish %.1f, no change %.1f, 10%% rotated %.1f;"
            + " one PATCH per app %.1f (releases/app %.1f vs keyturn no change %.1f)%n",
        first.herokuCalls() / (double) apps,
        runs.get(1).herokuCalls() / (double) apps,
        runs.get(2).herokuCalls() / (double) apps,
        perApp.herokuCalls() / (double) apps,
        perApp.releases() / (double) apps,
        runs.get(1).releases() / (double) apps);
    System.out.printf(
        Locale.ROOT,
        "one PATCH per app / keyturn: first publish %.2fx wall, %.2fx Heroku calls; 10%% rotated"
            + " %.2fx wall, %.2fx Heroku calls, %.1fx releases%n",
        perApp.millis() / (double) Math.max(1, first.millis()),
        perApp.herokuCalls() / (double) Math.max(1, first.herokuCalls()),
        perApp.millis() / (double) Math.max(1, runs.get(2).millis()),
        perApp.herokuCalls() / (double) Math.max(1, runs.get(2).herokuCalls()),
        perApp.releases() / (double) Math.max(1, runs.get(2).releases()));
    System.out.printf(
        Locale.ROOT,
        "%nfirst publish vs naive: wall %.1fx faster, %.0fx fewer secret reads, %.0fx fewer Heroku calls, %.0fx fewer releases%n",
        naive.millis() / (double) Math.max(1, first.millis()),
        (sum(naive.aws(), "SecretsManager.") + sum(naive.aws(), "Ssm."))
            / (double) Math.max(1, sum(first.aws(), "SecretsManager.") + sum(first.aws(), "Ssm.")),
        naive.herokuCalls() / (double) Math.max(1, first.herokuCalls()),
        naive.releases() / (double) Math.max(1, first.releases()));
    System.out.println("AWS calls by operation, per run:");
    runs.forEach(r -> System.out.println("  " + r.name() + ": " + r.aws()));
  }

  private static int sum(Map<String, Integer> calls, String prefix) {
    return calls.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }
}
