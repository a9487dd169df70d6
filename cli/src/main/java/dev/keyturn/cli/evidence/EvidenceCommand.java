package dev.keyturn.cli.evidence;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.cli.format.Since;
import dev.keyturn.cli.inventory.Commands;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.cli.status.StatusEntryStates;
import dev.keyturn.evidence.EvidenceService;
import dev.keyturn.evidence.EvidenceSummary;
import dev.keyturn.evidence.Signatures;
import dev.keyturn.evidence.TemplateIam;
import dev.keyturn.evidence.template.SamTemplateIam;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.state.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyturn evidence}: a signed evidence bundle of one period for auditors. */
@Command(
    name = "evidence",
    header = "Write a signed evidence bundle (matrix, audit trail, lint, sinks, IAM) for auditors.",
    mixinStandardHelpOptions = true,
    subcommands = EvidenceVerifyCommand.class,
    description = {
      "Write an evidence bundle of the period since --since into --out (a new or empty"
          + " directory): the rotation matrix (mode, cadence, last rotation, next due, overdue,"
          + " stage), the audit events of the period, the lint result of the applied inventory,"
          + " an inventory snapshot and its digest, each sink's last published version and"
          + " confirmation, the template's IAM summary (--template), summary.json, and"
          + " report.html: one self-contained page for people.",
      "manifest.json lists the SHA-256 of every file; manifest.sig is its signature by an"
          + " asymmetric KMS key (kms:Sign, RSASSA-PSS or ECDSA), given by --kms-key or"
          + " KEYTURN_EVIDENCE_KMS_KEY. Without a key nothing is written. Check a bundle with"
          + " 'keyturn evidence verify DIR'.",
      "Names, dates and version ids only: no secret value is read or written."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn evidence --since 90d --out evidence-2026q4 --kms-key alias/keyturn-evidence \\",
      "      --inventory inventory.yaml --template template.yaml",
      "  KEYTURN_EVIDENCE_KMS_KEY=alias/keyturn-evidence keyturn evidence --out q4 --json",
      "  keyturn evidence verify evidence-2026q4 --public-key keyturn-evidence.pem"
    })
public final class EvidenceCommand implements Callable<Integer> {

  /** The environment variable naming the signing key. */
  static final String KEY_ENV = "KEYTURN_EVIDENCE_KMS_KEY";

  static final String NO_KEY =
      "no signing key: set "
          + KEY_ENV
          + " or pass --kms-key (an asymmetric KMS key with key usage SIGN_VERIFY)";

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      defaultValue = "90d",
      description = "the period's start: an age (90d), a date or an instant (default: 90d)")
  String since;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the bundle goes: a new (or empty) directory; required")
  Path out;

  @Option(
      names = "--kms-key",
      paramLabel = "KEY",
      description = "the signing key: id, ARN or alias (default: $" + KEY_ENV + ")")
  String kmsKey;

  @Option(
      names = "--template",
      paramLabel = "FILE",
      description = "the SAM template for the IAM summary (default: ./template.yaml if present)")
  Path template;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description =
          "lint this inventory file (with its own vendors, functions and consumers) instead of"
              + " the entries in the table, which do not keep those lists")
  Path inventoryFile;

  @Override
  public Integer call() {
    output.validate();
    if (out == null) {
      throw new UsageException("--out DIR is required: where the bundle goes");
    }
    String key = kmsKey != null ? kmsKey : System.getenv(KEY_ENV);
    if (key == null || key.isBlank()) {
      throw new UsageException(NO_KEY);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    try (CliContext context = aws.context()) {
      Clock clock = context.bean(Clock.class);
      EvidenceService service =
          new EvidenceService(
              context.bean(InventoryStore.class),
              StatusEntryStates.of(context),
              context.bean(AuditLog.class),
              inventory ->
                  inventoryFile != null
                      ? Commands.lint(InventoryParser.parse(inventoryFile))
                      : Commands.lint(new ParsedInventory("table", inventory, List.of())),
              context.bean(Signatures.class),
              clock);
      EvidenceService.Result result =
          service.export(
              new EvidenceService.Request(
                  Since.parse(since, clock.instant()),
                  out,
                  key,
                  context.property("keyturn.table").orElse("?"),
                  template()));
      if (output.structured()) {
        output.print(stdout, result.summary());
      } else {
        print(result, stdout);
      }
      stdout.flush();
      return ExitCode.OK;
    }
  }

  private TemplateIam template() {
    if (template != null) {
      return new SamTemplateIam(template);
    }
    Path here = Path.of("template.yaml");
    return Files.isRegularFile(here) ? new SamTemplateIam(here) : null;
  }

  private void print(EvidenceService.Result result, PrintWriter stdout) {
    EvidenceSummary s = result.summary();
    stdout.printf(
        "wrote %s: %d entries, %d audit events since %s%n",
        out, s.entries(), s.auditEvents(), s.since());
    stdout.printf(
        "  overdue %d, failed rotations %d, unconfirmed syncs %d, webhook rejections %d%n",
        s.overdue(), s.failedRotations(), s.unconfirmedSyncs(), s.webhookRejections());
    stdout.printf("  entries by mode: %s%n", new TreeMap<>(s.entriesByMode()));
    s.webhookRejectionsBySource()
        .forEach((source, reasons) ->
            stdout.printf("  webhook rejections of %s: %s%n", source, reasons));
    stdout.printf(
        "  manifest signed by %s (%s)%n", result.manifest().keyId(), result.manifest().algorithm());
  }
}
