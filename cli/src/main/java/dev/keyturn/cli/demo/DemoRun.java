package dev.keyturn.cli.demo;

import dev.keyturn.cli.Commands;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.testing.aws.LocalAws;
import dev.keyturn.testing.aws.TemplateTable;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** One demo run: local AWS up, the example inventory seeded and applied, everything torn down. */
final class DemoRun implements AutoCloseable {

  static final String TABLE = "keyturn-demo";

  private final Path inventoryFile;
  private final Narrator say;
  private final LocalAws aws;
  private final ApplicationContext context;
  private final Inventory inventory;

  private DemoRun(Path inventoryFile, Narrator say, LocalAws aws, ApplicationContext context) {
    this.inventoryFile = inventoryFile;
    this.say = say;
    this.aws = aws;
    this.context = context;
    this.inventory = InventoryParser.parse(inventoryFile).requireValid();
  }

  static DemoRun start(Path inventoryFile, Path workDir, Narrator say) throws Exception {
    Files.createDirectories(workDir);
    say.step("Start local AWS: moto_server (Secrets Manager, SSM, EventBridge) and DynamoDB Local");
    LocalAws aws = LocalAws.start(workDir.resolve("logs"));
    aws.applyToSystemProperties();
    say.ok("moto at %s, DynamoDB Local at %s", aws.motoEndpoint(), aws.dynamoEndpoint());

    say.step("Create the state table exactly as template.yaml declares it");
    TemplateTable.locate().recreate(aws.dynamoDb(), TABLE);
    ApplicationContext context = ApplicationContext.run(Map.of("keyturn.table", TABLE), "demo");
    say.ok("table %s (pk/sk, TTL on expiresAt)", TABLE);
    return new DemoRun(inventoryFile, say, aws, context);
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

  void seedSecrets() {
    say.step("Seed each entry's secret in local Secrets Manager / SSM (values are never printed)");
    int created =
        new DemoSeeds(context.getBean(SecretsManagerClient.class), context.getBean(SsmClient.class))
            .seed(inventory);
    say.ok("%d secrets and parameters created, each from its entry's generator", created);
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

  @Override
  public void close() {
    say.step("Clean up: stop the emulators");
    context.close();
    aws.close();
    say.ok("local AWS stopped");
  }

  /** A demo step did not come out as it should. */
  static final class DemoFailedException extends RuntimeException {
    DemoFailedException(String message) {
      super("demo failed: " + message);
    }
  }
}
