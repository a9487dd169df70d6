package dev.keyturn.cli.inventory;

import dev.keyturn.cli.common.Colour;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.lint.LintReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn lint <file>}: checks the inventory against the token taxonomy. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Check an inventory against the naming/tagging taxonomy (docs/taxonomy.md).",
      "Every finding names FILE:LINE:COLUMN, the rule, the entry and a fix. YAML syntax errors and"
          + " duplicate keys are findings too (rule `schema`), so --json always prints JSON."
          + " Exit 1 on errors, 2 when the file cannot be read."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn lint examples/inventory.yaml",
      "  keyturn lint inventory.yaml --json | jq '.findings[] | select(.severity==\"ERROR\")'",
      "  keyturn lint inventory.yaml --query 'findings[].location' --output text"
    })
public final class LintCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "FILE", description = "the inventory YAML file")
  Path file;

  @Override
  public Integer call() {
    output.validate();
    LintReport report = Commands.lint(InventoryFile.read(file).parsed());
    var out = spec.commandLine().getOut();
    if (output.structured()) {
      output.print(out, report);
    } else {
      new Output(out, Colour.of(spec)).findings(report, file.toString());
    }
    return report.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
