package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.cli.format.Table;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.VendorDirectory;
import dev.keyturn.state.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code keyturn rotate --all} (seed 004 D7, emergency full-surface rotation): every rotatable
 * entry that matches, critical first, each through its mode; operator entries take their value from
 * {@code --from-dir} (one file per entry name) or are listed as needing one. A progress line per
 * entry, a summary table, exit 1 if any failed. One entry's failure does not stop the others.
 */
final class RotateAll {

  static final List<String> SENSITIVITY_ORDER = List.of("critical", "high", "medium", "low");

  /** One entry's line in the summary. */
  record Row(
      String name,
      String source,
      String mode,
      String sensitivity,
      String outcome,
      String version,
      String detail) {}

  private final CliContext context;
  private final EntryRotation rotation;
  private final Progress progress;
  private final RotateCommand.AllOptions options;
  private final boolean dryRun;
  private final String environment;

  /**
   * @param environment rotate each entry's source of this environment (entries without one are left
   *     out), or null for each entry's prod (or only) source
   */
  RotateAll(
      CliContext context,
      EntryRotation rotation,
      Progress progress,
      RotateCommand.AllOptions options,
      boolean dryRun,
      String environment) {
    this.context = context;
    this.rotation = rotation;
    this.progress = progress;
    this.options = options;
    this.dryRun = dryRun;
    this.environment = environment;
  }

  int run(PrintWriter out, OutputOptions output) {
    validate();
    List<SecretEntry> entries = selected(context.bean(InventoryStore.class).secrets());
    progress.say(
        "rotate --all: %d entr%s, critical first%s%s",
        entries.size(),
        entries.size() == 1 ? "y" : "ies",
        environment == null ? "" : ", environment " + environment,
        dryRun ? ", dry run" : "");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      SecretEntry e = entries.get(i);
      progress.say(
          "[%d/%d] %s (%s, %s)", i + 1, entries.size(), e.name(), e.mode().label(), sensitivity(e));
      Row row = one(e);
      progress.say("  => %s%s", row.outcome(), row.detail() == null ? "" : ": " + row.detail());
      rows.add(row);
    }
    print(rows, out, output);
    return rows.stream().anyMatch(r -> "failed".equals(r.outcome()))
        ? ExitCode.FINDINGS
        : ExitCode.OK;
  }

  private Row one(SecretEntry e) {
    try {
      if (e.mode() == RotationMode.OPERATOR) {
        return operator(e);
      }
      return row(e, rotation.rotate(e, null));
    } catch (RuntimeException failed) {
      return new Row(
          e.name(),
          e.source().id(),
          e.mode().label(),
          sensitivity(e),
          "failed",
          null,
          describe(failed));
    }
  }

  private Row operator(SecretEntry e) {
    if (options.fromDir == null || !Files.isRegularFile(options.fromDir.resolve(e.name()))) {
      VendorDirectory.Listing vendor = VendorDirectory.of(e);
      return new Row(
          e.name(),
          e.source().id(),
          e.mode().label(),
          sensitivity(e),
          "needs a value",
          null,
          "create it at "
              + vendor.dashboard()
              + ", then put it in "
              + (options.fromDir == null
                  ? "a file named " + e.name() + " under --from-dir DIR"
                  : options.fromDir.resolve(e.name()).toString())
              + " (or keyturn rotate "
              + e.name()
              + " --from-stdin)");
    }
    return row(e, rotation.rotate(e, () -> ValueInput.fromDir(options.fromDir, e.name())));
  }

  private Row row(SecretEntry e, RotationReport r) {
    if (!r.succeeded()) {
      String detail =
          (r.failedStep() == null ? "" : "at " + r.failedStep() + ": ")
              + r.error()
              + (r.leftover() != null ? "; left: " + r.leftover() : "")
              + (r.undone() ? "; undone" : "");
      return new Row(
          e.name(),
          e.source().id(),
          e.mode().label(),
          sensitivity(e),
          "failed",
          r.version(),
          detail);
    }
    if ("dry-run".equals(r.mode())) {
      return new Row(
          e.name(), e.source().id(), e.mode().label(), sensitivity(e), "planned", null, null);
    }
    return new Row(
        e.name(),
        e.source().id(),
        e.mode().label(),
        sensitivity(e),
        "rotated",
        r.version(),
        r.retireTask() == null ? null : "to do: " + r.retireTask());
  }

  private List<SecretEntry> selected(List<SecretEntry> all) {
    return all.stream()
        .filter(e -> e.mode() != RotationMode.NONE)
        .filter(e -> options.vendor == null || e.name().startsWith(options.vendor + "_"))
        .filter(e -> options.sensitivity == null || options.sensitivity.equals(sensitivity(e)))
        .flatMap(e -> environment == null ? Stream.of(e) : e.inEnvironment(environment).stream())
        .sorted(
            Comparator.comparingInt((SecretEntry e) -> rank(sensitivity(e)))
                .thenComparing(SecretEntry::name))
        .toList();
  }

  private static int rank(String sensitivity) {
    int i = SENSITIVITY_ORDER.indexOf(sensitivity);
    return i < 0 ? SENSITIVITY_ORDER.size() : i;
  }

  private static String sensitivity(SecretEntry e) {
    return e.tags().sensitivity().orElse("-");
  }

  private void validate() {
    if (options.sensitivity != null && !SENSITIVITY_ORDER.contains(options.sensitivity)) {
      throw new UsageException(
          "--sensitivity must be one of " + String.join(", ", SENSITIVITY_ORDER));
    }
    if (options.fromDir != null && !Files.isDirectory(options.fromDir)) {
      throw new UsageException("--from-dir " + options.fromDir + " is not a directory");
    }
  }

  private void print(List<Row> rows, PrintWriter out, OutputOptions output) {
    if (output.structured()) {
      output.print(out, rows.stream().map(RotateAll::toMap).toList());
      return;
    }
    Table table = new Table("NAME", "MODE", "SENSITIVITY", "OUTCOME", "VERSION", "DETAIL");
    rows.forEach(
        r -> table.row(r.name(), r.mode(), r.sensitivity(), r.outcome(), r.version(), r.detail()));
    if (!table.isEmpty()) {
      table.print(out);
    }
    out.printf(
        "%d %s, %d need a value, %d failed%n",
        count(rows, dryRun ? "planned" : "rotated"),
        dryRun ? "planned" : "rotated",
        count(rows, "needs a value"),
        count(rows, "failed"));
    out.flush();
  }

  private static long count(List<Row> rows, String outcome) {
    return rows.stream().filter(r -> outcome.equals(r.outcome())).count();
  }

  private static Map<String, Object> toMap(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("source", r.source());
    m.put("mode", r.mode());
    m.put("sensitivity", r.sensitivity());
    m.put("outcome", r.outcome());
    m.put("version", r.version());
    m.put("detail", r.detail());
    return m;
  }

  /** One line, as the error handler prints it: keyturn's messages name things, never values. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(e.getClass().getSimpleName());
  }
}
