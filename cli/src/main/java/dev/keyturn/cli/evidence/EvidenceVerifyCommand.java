package dev.keyturn.cli.evidence;

import dev.keyturn.cli.common.AwsConnection;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.evidence.EvidenceVerifier;
import dev.keyturn.evidence.EvidenceVerifier.Verification;
import dev.keyturn.evidence.Signatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn evidence verify DIR}: every digest and the manifest's signature. */
@Command(
    name = "verify",
    header = "Check an evidence bundle: the manifest's signature and every file's digest.",
    mixinStandardHelpOptions = true,
    description = {
      "Check the signature of manifest.json (with --public-key, offline: PEM or DER as"
          + " 'aws kms get-public-key' hands it out; else the public key of the KMS key the"
          + " manifest names), then every file's SHA-256, then that no file was added.",
      "Exit 0 when everything matches; exit 1 naming the first file that does not."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn evidence verify evidence-2026q4 --public-key keyturn-evidence.pem",
      "  AWS_PROFILE=audit keyturn evidence verify evidence-2026q4"
    })
public final class EvidenceVerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsConnection aws;

  @Parameters(paramLabel = "DIR", description = "the bundle directory")
  Path dir;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description = "the signing key's public key (PEM or DER); no AWS call is made")
  Path publicKey;

  @Override
  public Integer call() {
    Verification v;
    if (publicKey != null) {
      v = new EvidenceVerifier(null).verify(dir, read(publicKey));
    } else {
      try (CliContext context = CliContext.start(null, Map.of(), aws, spec)) {
        v = new EvidenceVerifier(context.bean(Signatures.class)).verify(dir, null);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (v.ok()) {
      out.printf(
          "verified: %d files match the manifest signed by %s (%s)%n",
          v.manifest().files().size(), v.manifest().keyId(), v.manifest().algorithm());
      out.flush();
      return ExitCode.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf("keyturn: not verified: %s: %s%n", v.file(), v.problem());
    err.flush();
    return ExitCode.FINDINGS;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file);
    }
  }
}
