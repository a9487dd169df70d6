package dev.keyturn.cli.revoke;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.Entries;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.revoke.RevocationRefusedException;
import dev.keyturn.revoke.SecretRevoker;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.Revocation;
import dev.keyturn.state.RevocationStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn revoke <name> [--version ID]}: evicts a secret version now. */
@Command(
    name = "revoke",
    header = "Evict a secret version now (a leaked webhook secret, say).",
    // no standard help mixin: its -V/--version would take the --version this command needs
    description = {
      "Take every stage label off one version of a Secrets Manager entry (AWSPREVIOUS when no"
          + " --version is given), record the revocation in the table and audit it. Webhook"
          + " containers stop accepting the version within keyturn.webhook.secret-ttl.",
      "AWSCURRENT and AWSPENDING are never revoked (exit 2): rotate first, then revoke the"
          + " version that became AWSPREVIOUS. Revoking again is harmless. Never prints values."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn revoke FS_SUPPORT_WEBHOOK                  # the AWSPREVIOUS version",
      "  keyturn revoke FS_SUPPORT_WEBHOOK --version 3f2c…  # one version by id",
      "  keyturn revoke FS_SUPPORT_WEBHOOK --json | jq .versionId"
    })
public final class RevokeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(paramLabel = "NAME", description = "the inventory entry (a Secrets Manager secret)")
  String name;

  @Option(
      names = "--version",
      paramLabel = "ID",
      description = "the version to revoke (default: the AWSPREVIOUS version)")
  String version;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    output.validate();
    try (CliContext context = aws.context(Map.of())) {
      SecretEntry entry = Entries.require(context.bean(InventoryStore.class), name);
      if (!(entry.source() instanceof Source.SecretsManager sm)) {
        return refuse(
            err,
            entry.name()
                + " is an SSM parameter: only Secrets Manager versions"
                + " can be revoked");
      }
      SecretRevoker revoker =
          new SecretRevoker(
              context.bean(SecretStages.class),
              context.bean(RevocationStore.class),
              context.bean(AuditLog.class),
              context.bean(Clock.class),
              context.actor());
      Revocation revocation = revoker.revoke(entry.name(), sm.id(), version);
      print(out, revocation);
      return ExitCode.OK;
    } catch (RevocationRefusedException e) {
      return refuse(err, e.getMessage());
    }
  }

  private static int refuse(PrintWriter err, String message) {
    err.println("keyturn: " + message);
    err.flush();
    return ExitCode.USAGE;
  }

  private void print(PrintWriter out, Revocation r) {
    if (output.structured()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("secret", r.secretName());
      doc.put("versionId", r.versionId());
      doc.put("removedStages", r.removedStages());
      doc.put("revokedAt", r.revokedAt().toString());
      doc.put("actor", r.actor());
      output.print(out, doc);
      return;
    }
    out.printf(
        "revoked %s version %s%s%n",
        r.secretName(),
        r.versionId(),
        r.removedStages().isEmpty()
            ? " (already revoked; nothing removed)"
            : " (removed " + String.join(", ", r.removedStages()) + ")");
    out.flush();
  }
}
