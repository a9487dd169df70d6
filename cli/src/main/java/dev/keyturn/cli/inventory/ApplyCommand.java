package dev.keyturn.cli.inventory;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.Colour;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.Terminal;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.secrets.SecretRoleTagging;
import dev.keyturn.state.InventoryApply;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn apply <file>}: shows the plan, then writes the inventory to the table (removing
 * entries no longer in the file) once confirmed, and records one audit event. Refuses an inventory
 * with lint errors.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Write the inventory to the DynamoDB table (KEYTURN_TABLE), like terraform apply: the plan"
          + " first (+ add, ~ change, - remove), then the writes. Entries no longer in the file are"
          + " removed, and a removed entry no longer rotates or syncs.",
      "When anything would be changed or removed, a terminal asks for 'yes'; without a terminal"
          + " --yes is required (without it: exit 2, nothing written). Adding only needs no"
          + " confirmation. Every apply records one audit event (inventory.apply) with the counts"
          + " and the file's sha256. A file with lint errors is never applied.",
      "Every apply also tags each webhook source's Secrets Manager secret keyturn:role=webhook"
          + " (and untags secrets no longer a webhook's): the webhook function may read only"
          + " those."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn apply examples/inventory.yaml --dry-run",
      "  AWS_PROFILE=ops KEYTURN_TABLE=keyturn-StateTable-ABC keyturn apply inventory.yaml",
      "  keyturn apply inventory.yaml --yes --json     # CI: no terminal to confirm on"
    })
public final class ApplyCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "FILE", description = "the inventory YAML file")
  Path file;

  @Option(names = "--dry-run", description = "show the plan only; write nothing")
  boolean dryRun;

  @Option(
      names = {"-y", "--yes"},
      description = "apply changes and removals without asking (needed without a terminal)")
  boolean yes;

  @Override
  public Integer call() {
    output.validate();
    InventoryFile inventoryFile = InventoryFile.read(file);
    LintReport report = Commands.lint(inventoryFile.parsed());
    PrintWriter out = spec.commandLine().getOut();
    Output text = new Output(out, Colour.of(spec));
    if (report.hasErrors()) {
      text.findings(report, file.toString());
      spec.commandLine().getErr().println("keyturn: not applied: fix the lint errors first");
      return ExitCode.FINDINGS;
    }
    Inventory inventory = inventoryFile.parsed().requireValid();
    try (CliContext context = aws.context()) {
      InventoryApply apply =
          new InventoryApply(
              context.bean(InventoryStore.class),
              context.bean(AuditLog.class),
              context.bean(Clock.class),
              context.actor(),
              context.bean(SecretRoleTagging.class));
      InventoryPlan plan = apply.plan(inventory);
      if (!output.structured()) {
        text.changes(plan); // people see the plan before they are asked
      }
      String table = context.property("keyturn.table").orElse("?");
      boolean write = !dryRun && Confirmation.granted(plan, yes, Terminal.of(spec), table);
      if (write) {
        SecretRoleTagging.Changes tags = apply.apply(plan, inventoryFile.digest(), file.toString());
        text.roleTags(tags, spec.commandLine().getErr(), !output.structured());
      }
      if (output.structured()) {
        output.print(out, Output.planJson(plan, write, inventoryFile.digest()));
      } else if (dryRun || plan.isEmpty()) {
        text.summary(plan, "plan (dry run, nothing written)");
      } else if (write) {
        text.summary(plan, "applied");
      }
      return dryRun || write ? ExitCode.OK : declined();
    }
  }

  private int declined() {
    spec.commandLine().getErr().println("keyturn: not applied (the answer was not 'yes')");
    spec.commandLine().getErr().flush();
    return ExitCode.FINDINGS;
  }
}
