package dev.keyturn.cli.status;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.state.InventoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyturn rotation-matrix}: the rotation index as Markdown. */
@Command(
    name = "rotation-matrix",
    header = "Write the rotation index (name, vendor, cadence, ...) as Markdown.",
    mixinStandardHelpOptions = true,
    description = {
      "Write the rotation index as a Markdown table: name, vendor, cadence, consumers (the"
          + " consumer tag and the sinks), last rotated, next due. From the table and source"
          + " metadata; no secret value is read."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn rotation-matrix",
      "  keyturn rotation-matrix --out docs/rotation-matrix.md"
    })
public final class RotationMatrixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Option(names = "--out", paramLabel = "FILE", description = "write here instead of stdout")
  Path outFile;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    output.validate();
    try (CliContext context = aws.context()) {
      List<SecretEntry> entries = context.bean(InventoryStore.class).secrets();
      List<EntryStatus> rows = StatusWiring.reader(context).read(entries);
      String text =
          output.structured()
              ? rendered(rows)
              : RotationMatrix.markdown(
                  rows,
                  context.property("keyturn.table").orElse("?"),
                  context.bean(Clock.class).instant());
      if (outFile == null) {
        out.print(text);
        out.flush();
      } else {
        write(outFile, text);
        out.printf("wrote %d entries to %s%n", rows.size(), outFile);
        out.flush();
      }
      return ExitCode.OK;
    }
  }

  /** The rows as --output json or text render them. */
  private String rendered(List<EntryStatus> rows) {
    java.io.StringWriter text = new java.io.StringWriter();
    output.print(new PrintWriter(text), rows);
    return text.toString();
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
