package dev.keyturn.cli.inventory;

import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.parse.InventoryParser;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn lint <file>}: checks the inventory against the token taxonomy. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Check an inventory against the naming/tagging taxonomy. Exit 1 on errors.",
    footer = {
      "",
      "Examples:",
      "  keyturn lint examples/inventory.yaml",
      "  keyturn lint inventory.yaml --json | jq '.findings[] | select(.severity==\"ERROR\")'"
    })
public final class LintCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the inventory YAML file")
  Path file;

  @Option(names = "--json", description = "print findings as JSON")
  boolean json;

  @Override
  public Integer call() {
    LintReport report = Commands.lint(InventoryParser.parse(file));
    Output out = new Output(spec.commandLine().getOut());
    if (json) {
      out.json(report);
    } else {
      out.findings(report, file.toString());
    }
    return report.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
