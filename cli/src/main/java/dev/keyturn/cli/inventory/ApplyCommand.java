package dev.keyturn.cli.inventory;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn apply <file>}: writes the inventory to the table, idempotently, removing entries
 * no longer in the file. Refuses an inventory with lint errors.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Write the inventory to the DynamoDB table (KEYTURN_TABLE).",
    footer = {
      "",
      "Examples:",
      "  keyturn apply examples/inventory.yaml --dry-run",
      "  AWS_PROFILE=ops KEYTURN_TABLE=keyturn-StateTable-ABC keyturn apply inventory.yaml"
    })
public final class ApplyCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AwsOptions aws;

  @Parameters(paramLabel = "FILE", description = "the inventory YAML file")
  Path file;

  @Option(names = "--dry-run", description = "show what would be added, changed or removed")
  boolean dryRun;

  @Option(names = "--json", description = "print the plan as JSON")
  boolean json;

  @Override
  public Integer call() {
    ParsedInventory parsed = InventoryParser.parse(file);
    LintReport report = Commands.lint(parsed);
    Output out = new Output(spec.commandLine().getOut());
    if (report.hasErrors()) {
      out.findings(report, file.toString());
      spec.commandLine().getErr().println("keyturn: not applied: fix the lint errors first");
      return ExitCode.FINDINGS;
    }
    Inventory inventory = parsed.requireValid();
    try (CliContext context = aws.context()) {
      InventoryStore store = context.bean(InventoryStore.class);
      InventoryPlan plan = store.plan(inventory);
      if (!dryRun) {
        store.apply(plan);
      }
      if (json) {
        out.json(Output.planJson(plan, dryRun));
      } else {
        out.plan(plan, dryRun);
      }
    }
    return ExitCode.OK;
  }
}
