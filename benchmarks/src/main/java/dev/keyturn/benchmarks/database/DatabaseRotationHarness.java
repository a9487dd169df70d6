package dev.keyturn.benchmarks.database;

import dev.keyturn.benchmarks.database.BenchDatabases.Engine;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.db.client.PooledClient;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a database rotation costs an app: a pooled client (four threads, a new login every 50 ms
 * with the AWSCURRENT value it re-reads every 100 ms) on each engine, its queries per second while
 * the shaded rotate jar (through the Lambda runtime's loader) rotates an alternating-users secret
 * back to back, against the same client with no rotation, in interleaved windows; and, for single
 * users, the window in which the app's new logins are refused, per rotation.
 *
 * <p>Usage, from the repository root (run.sh builds and starts it): {@code DatabaseRotationHarness
 * [--seconds N] [--rounds N] [--single-rotations N] [--only postgres|mariadb|redis] [--report
 * file.md]}.
 */
public final class DatabaseRotationHarness {

  static final String TABLE = "keyturn-database-bench";
  static final Duration REFRESH = Duration.ofMillis(100);
  static final Duration CHURN = Duration.ofMillis(50);
  static final int WORKERS = 4;

  private final BenchDatabases servers;
  private final SecretsManagerRotationDriver driver;
  private final DynamoInventoryStore inventory;
  private final List<SecretEntry> entries = new ArrayList<>();
  private final RotationLoad load;

  /** An hmac-key secret: its rotation does the same AWS work as a database one, no database. */
  private String control;

  private DatabaseRotationHarness(
      BenchDatabases servers, LambdaRuntimeHarness rotate, LocalAws aws) {
    this.servers = servers;
    this.driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    this.inventory = new DynamoInventoryStore(new StateTable(aws.dynamoDb(), TABLE));
    this.load = new RotationLoad(rotate, driver);
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path work = Files.createDirectories(Path.of("benchmarks", "target", "database-bench"));
    try (LocalAws aws = LocalAws.start(work.resolve("logs"));
        BenchDatabases servers = new BenchDatabases(work)) {
      aws.applyToSystemProperties();
      aws.recreateTable(TABLE);
      // read by the function's context when the runtime loads it
      System.setProperty("keyturn.table", TABLE);
      System.setProperty("keyturn.event-bus", "keyturn");
      System.setProperty("aws.lambda.function.name", "keyturn-rotate-bench");
      System.setProperty("keyturn.database.ca-bundle", servers.caBundle().toString());
      try (var events = software.amazon.awssdk.services.eventbridge.EventBridgeClient.create()) {
        events.createEventBus(b -> b.name("keyturn"));
      }
      TemplateFunction function = TemplateFunction.of("RotateFunction");
      try (LambdaRuntimeHarness rotate =
          LambdaRuntimeHarness.load(function.codeUri(), function.handler())) {
        DatabaseRotationHarness harness = new DatabaseRotationHarness(servers, rotate, aws);
        harness.control = harness.managed("hmac-key", "{}");
        Report report = new Report();
        for (Engine engine : o.engines()) {
          harness.throughput(engine, o, report);
          harness.failureWindow(engine, o, report);
        }
        report.write(o.report());
      }
    }
  }

  /** Interleaved windows, without and with back-to-back alternating rotations. */
  private void throughput(Engine engine, Options o, Report report) throws Exception {
    BenchDatabases.App app = servers.create(engine, true, this::storeMaster);
    String arn = managed(type(engine, "alternating-users"), app.value());
    try (PooledClient pool =
        PooledClient.open(driver.secretsManager(), arn, servers.caBundle(), app.query(), REFRESH)) {
      pool.start(WORKERS, CHURN);
      Duration window = Duration.ofSeconds(o.seconds());
      // warm-up, not counted: the pool, the function's code paths, the control's
      load.run(pool, null, Duration.ofSeconds(3));
      load.run(pool, arn, Duration.ofSeconds(3));
      load.run(pool, control, Duration.ofSeconds(3));
      for (int round = 1; round <= o.rounds(); round++) {
        report.throughput(engine, Report.Mode.IDLE, load.run(pool, null, window));
        report.throughput(engine, Report.Mode.CONTROL, load.run(pool, control, window));
        report.throughput(engine, Report.Mode.DATABASE, load.run(pool, arn, window));
        System.err.printf(Locale.ROOT, "%s round %d done%n", engine, round);
      }
      pool.stop();
    }
  }

  /** Single-user rotations, one at a time, each observed by the pool. */
  private void failureWindow(Engine engine, Options o, Report report) throws Exception {
    BenchDatabases.App app = servers.create(engine, false, this::storeMaster);
    String arn = managed(type(engine, "single-user"), app.value());
    try (PooledClient pool =
        PooledClient.open(driver.secretsManager(), arn, servers.caBundle(), app.query(), REFRESH)) {
      pool.start(WORKERS, CHURN);
      Thread.sleep(2000);
      for (int i = 0; i < o.singleRotations(); i++) {
        report.window(engine, load.singleRotation(pool, arn, Duration.ofSeconds(2)));
      }
      pool.stop();
    }
  }

  private String storeMaster(String value) {
    return driver.createSecret("keyturn/bench/master-" + java.util.UUID.randomUUID(), value).arn();
  }

  private static String type(Engine engine, String strategy) {
    String family = engine == Engine.MARIADB ? "mysql" : engine.name().toLowerCase(Locale.ROOT);
    return family + "-" + strategy;
  }

  private String managed(String type, String firstValue) {
    String id = "keyturn/bench/" + type + "-" + java.util.UUID.randomUUID();
    entries.add(
        new SecretEntry(
            "RX_BENCH_" + entries.size(),
            new Source.SecretsManager(id),
            Tags.of("bench", "high", "raptor", "30d"),
            List.of("prod"),
            null,
            null,
            new GeneratorSpec(type, java.util.Map.of()),
            null,
            List.of(),
            null,
            List.of()));
    inventory.apply(
        inventory.plan(new Inventory(1, Set.of(), Set.of("bench"), Set.of(), entries, List.of())));
    return driver
        .createSecret(id, type.equals("hmac-key") ? "kt-bench-control-000000000001" : firstValue)
        .arn();
  }

  /** Command-line options. */
  record Options(int seconds, int rounds, int singleRotations, List<Engine> engines, Path report) {
    static Options parse(String[] args) {
      int seconds = 10;
      int rounds = 3;
      int single = 5;
      List<Engine> engines = Arrays.asList(Engine.values());
      Path report = Path.of("benchmarks", "database", "results.md");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seconds" -> seconds = Integer.parseInt(args[++i]);
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--single-rotations" -> single = Integer.parseInt(args[++i]);
          case "--only" -> engines = List.of(Engine.valueOf(args[++i].toUpperCase(Locale.ROOT)));
          case "--report" -> report = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(seconds, rounds, single, engines, report);
    }
  }
}
