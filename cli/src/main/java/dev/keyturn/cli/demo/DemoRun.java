package dev.keyturn.cli.demo;

import dev.keyturn.cli.inventory.Commands;
import dev.keyturn.cli.sync.DotenvStep;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalAwsBackend;
import dev.keyturn.local.LocalAwsBackends;
import dev.keyturn.local.LocalSdk;
import dev.keyturn.rotate.RotateHandler;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.sync.AppResult;
import dev.keyturn.webhook.WebhookHandler;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/**
 * One demo run: local AWS up, the example inventory applied and seeded, a webhook secret rotated
 * through the real rotate handler, the .env sink synced, deliveries signed with the old and the new
 * secret verified by the real webhook handler, and everything torn down. Prints names, version ids
 * and statuses; secret values stay in memory.
 */
final class DemoRun implements AutoCloseable {

  static final String TABLE = "keyturn-demo";
  static final String BUS = "keyturn";
  private static final String ATTEMPT_TIMEOUT_PROPERTY = "keyturn.aws.attempt-timeout";
  private static final String CALL_TIMEOUT_PROPERTY = "keyturn.aws.call-timeout";
  private static final String CLAIM_TTL_PROPERTY = "keyturn.webhook.claim-ttl";

  /**
   * The webhook's pending claims outlast its claim, release confirmation, publish and completion at
   * the emulators' call timeout: a claim shorter than those calls would never be handed on.
   */
  static final Duration WEBHOOK_CLAIM_TTL = LocalSdk.CALL_TIMEOUT.multipliedBy(5);

  /**
   * AWS timeouts for the emulators: a loaded machine can keep moto busy for seconds, and a longer
   * attempt timeout spares the SDK retries of calls that were only slow.
   */
  static final Map<String, Object> LOCAL_TIMEOUTS =
      Map.of(
          ATTEMPT_TIMEOUT_PROPERTY, LocalSdk.ATTEMPT_TIMEOUT.toString(),
          CALL_TIMEOUT_PROPERTY, LocalSdk.CALL_TIMEOUT.toString(),
          CLAIM_TTL_PROPERTY, WEBHOOK_CLAIM_TTL.toString());

  static final String WEBHOOK_BODY =
      "{\"event\":\"convo.created\",\"conversation\":{\"id\":1042,\"subject\":\"Invoice\"}}";

  private final Path inventoryFile;
  private final Path workDir;
  private final Narrator say;
  private final LocalAws aws;
  private final ApplicationContext context;
  private final Inventory inventory;
  private final DemoHeroku heroku;
  private final DemoDatabase database = new DemoDatabase();
  private String previousSecret;
  private String currentSecret;
  private DemoWebhooks hooks;

  private DemoRun(
      Path inventoryFile,
      Path workDir,
      Narrator say,
      LocalAws aws,
      ApplicationContext context,
      DemoHeroku heroku) {
    this.inventoryFile = inventoryFile;
    this.workDir = workDir;
    this.say = say;
    this.aws = aws;
    this.context = context;
    this.heroku = heroku;
    Inventory parsed =
        DemoLifecycle.withShortOverlap(InventoryParser.parse(inventoryFile).requireValid());
    String webhookSecret = parsed.webhooks().getFirst().secret();
    this.inventory =
        heroku == null
            ? DemoHeroku.withoutHeroku(parsed, webhookSecret)
            : heroku.retarget(parsed, webhookSecret);
  }

  /**
   * @param localAws the backend to run ({@code moto}, {@code localstack}; null: moto)
   */
  static DemoRun start(
      Path inventoryFile, Path workDir, String localAws, Narrator say, DemoHeroku heroku)
      throws Exception {
    InventoryParser.parse(inventoryFile).requireValid(); // a bad file fails before AWS starts
    LocalAwsBackend backend = LocalAwsBackends.select(localAws, LocalAwsBackends.available());
    Path logs = Files.createDirectories(workDir.resolve("logs"));
    say.step("Start local AWS: " + describe(backend));
    LocalAws aws = backend.start(logs);
    aws.applyToSystemProperties();
    System.setProperty("keyturn.table", TABLE);
    System.setProperty("keyturn.event-bus", BUS);
    // every context the demo starts waits for a local AWS on a busy machine (see LocalSdk)
    System.setProperty(ATTEMPT_TIMEOUT_PROPERTY, LocalSdk.ATTEMPT_TIMEOUT.toString());
    System.setProperty(CALL_TIMEOUT_PROPERTY, LocalSdk.CALL_TIMEOUT.toString());
    System.setProperty(CLAIM_TTL_PROPERTY, WEBHOOK_CLAIM_TTL.toString());
    say.ok("%s: AWS at %s, DynamoDB at %s", aws.backend(), aws.endpoint(), aws.dynamoDbEndpoint());

    say.step("Create the state table exactly as template.yaml declares it, and the event bus");
    aws.recreateTable(TABLE);
    Map<String, Object> settings = new HashMap<>(LOCAL_TIMEOUTS);
    settings.put("keyturn.table", TABLE);
    settings.put("keyturn.event-bus", BUS);
    settings.put(DemoLifecycle.SECRET_TTL_PROPERTY, DemoLifecycle.SECRET_TTL.toString());
    ApplicationContext context = ApplicationContext.run(settings, "demo");
    try {
      context.getBean(EventBridgeClient.class).createEventBus(b -> b.name(BUS));
    } catch (ResourceAlreadyExistsException createdByAnEarlierAttempt) {
      // the bus we asked for is there: an SDK retry of a create the emulator applied late
    }
    say.ok("table %s (pk/sk, TTL on expiresAt), bus %s", TABLE, BUS);
    return new DemoRun(inventoryFile, workDir, say, aws, context, heroku);
  }

  void lintAndApply() {
    say.step("Lint " + inventoryFile + " against the token taxonomy");
    LintReport report = Commands.lint(InventoryParser.parse(inventoryFile));
    report
        .findings()
        .forEach(f -> say.detail("%s %s [%s] %s", f.severity(), f.entry(), f.rule(), f.message()));
    if (report.hasErrors()) {
      throw new DemoFailedException("the inventory has lint errors");
    }
    say.ok(
        "%d entries, %d webhook sources, no errors",
        inventory.secrets().size(), inventory.webhooks().size());

    say.step("Apply the inventory to the table");
    InventoryStore store = context.getBean(InventoryStore.class);
    InventoryPlan plan = store.plan(inventory);
    store.apply(plan);
    say.ok(
        "%d items added, %d changed, %d removed",
        plan.count(InventoryPlan.Kind.ADD),
        plan.count(InventoryPlan.Kind.CHANGE),
        plan.count(InventoryPlan.Kind.REMOVE));
  }

  void applyAgainChangesNothing() {
    say.step("Apply again: idempotent");
    InventoryPlan again = context.getBean(InventoryStore.class).plan(inventory);
    if (!again.isEmpty()) {
      throw new DemoFailedException(
          "a second apply would change " + again.changes().size() + " items");
    }
    say.ok("nothing to add, change or remove");
  }

  void seedSecrets() {
    say.step("Seed each entry's secret in local Secrets Manager / SSM (values are never printed)");
    int created =
        new DemoSeeds(
                context.getBean(SecretCreator.class),
                context.getBean(ParameterCreator.class),
                context.getBean(GeneratorRegistry.class),
                context.getBean(RandomSource.class))
            .seed(inventory);
    say.ok("%d secrets and parameters created, each from its entry's generator", created);
  }

  void rotateWebhookSecret() {
    SecretEntry entry = webhookSecret();
    say.step("Rotate " + entry.name() + " through the real rotate handler (the four steps)");
    previousSecret = currentValue(entry);
    String version =
        new DemoRotation(context.getBean(RotationStarter.class), new RotateHandler(context), aws)
            .rotate(entry, say);
    currentSecret = currentValue(entry);
    if (currentSecret.equals(previousSecret)) {
      throw new DemoFailedException("the rotation left the value unchanged");
    }
    Map<String, List<String>> stages =
        context.getBean(SecretDescriber.class).require(entry.source().id()).versionStages();
    stages.forEach((id, labels) -> say.detail("version %s: %s", id, labels));
    say.ok("new AWSCURRENT %s; the old version is AWSPREVIOUS; no AWSPENDING left", version);
  }

  /** The inventory's Postgres alternating-users entry, against a real PostgreSQL when installed. */
  void rotateDatabase() throws Exception {
    var entry =
        inventory.secrets().stream()
            .filter(
                e -> e.generatorSpec().map(g -> g.type().equals(DemoDatabase.TYPE)).orElse(false))
            .findFirst();
    if (entry.isPresent()) {
      database.rotate(entry.get(), context, aws, workDir, say);
    }
  }

  void syncDotenv() {
    say.step("Sync the .env sinks (local development) from AWSCURRENT");
    List<AppResult> results = DotenvStep.run(context, workDir, false);
    results.forEach(r -> say.detail("%s: set %s (values not shown)", r.app(), r.set()));
    List<AppResult> again = DotenvStep.run(context, workDir, true);
    if (DotenvStep.failed(results) || again.stream().anyMatch(r -> !r.set().isEmpty())) {
      throw new DemoFailedException(".env sinks are not in line with AWSCURRENT");
    }
    say.ok("written atomically; a second run would change nothing");
  }

  void syncHeroku() {
    DemoHeroku.step(heroku, context.getBean(SecretCreator.class), TABLE, say);
  }

  void verifyWebhooks() {
    hooks().handover(previousSecret, currentSecret);
  }

  /** Drives the rotated entry's life cycle to retired; the old secret's delivery is then 401. */
  void retireOldSecret() throws InterruptedException {
    DemoLifecycle lifecycle = new DemoLifecycle(context, say);
    lifecycle.retire(webhookSecret().name());
    lifecycle.oldSecretRejected(hooks(), inventory.webhooks().getFirst(), previousSecret);
  }

  private DemoWebhooks hooks() {
    if (hooks == null) {
      hooks = new DemoWebhooks(new WebhookHandler(context), inventory.webhooks().getFirst(), say);
    }
    return hooks; // one handler: the same warm container for every delivery
  }

  private static String describe(LocalAwsBackend backend) {
    return switch (backend.name()) {
      case "moto" -> "moto_server (Secrets Manager, SSM, EventBridge) and DynamoDB Local";
      case "localstack" -> "LocalStack in Docker, through Testcontainers";
      default -> backend.name();
    };
  }

  private SecretEntry webhookSecret() {
    String name = inventory.webhooks().getFirst().secret();
    return inventory.secret(name).orElseThrow(() -> new DemoFailedException("no secret " + name));
  }

  private String currentValue(SecretEntry entry) {
    return context
        .getBean(SecretSource.class)
        .current(List.of(entry.source()))
        .get(entry.source())
        .value();
  }

  @Override
  public void close() throws Exception {
    say.step("Clean up: remove the .env files, stop the emulators");
    for (SecretEntry e : inventory.secrets()) {
      for (var sink : e.dotenvSinks()) {
        Files.deleteIfExists(workDir.resolve(sink.file()));
      }
    }
    database.close();
    context.close();
    aws.close();
    System.clearProperty(ATTEMPT_TIMEOUT_PROPERTY);
    System.clearProperty(CALL_TIMEOUT_PROPERTY);
    System.clearProperty(CLAIM_TTL_PROPERTY);
    say.ok("local AWS stopped; nothing left running");
  }

  /** A demo step did not come out as it should. */
  static final class DemoFailedException extends RuntimeException {
    DemoFailedException(String message) {
      super("demo failed: " + message);
    }
  }
}
