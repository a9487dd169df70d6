package dev.keyturn.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.evidence.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * The five tamperings of issue 16's done-when, each applied to a fresh copy of a signed bundle that
 * has at least one failed rotation and one rejected webhook delivery, with the problem {@code
 * evidence verify} must name.
 */
enum BundleTampering {
  CHANGED_ROW("summary.json: its SHA-256 does not match the manifest"),
  REMOVED_FILE("audit.json: missing (the manifest lists it)"),
  ADDED_FILE("extra.csv: not in the manifest (added after signing)"),
  CHANGED_MANIFEST("manifest.json: the signature does not verify with the public key of"),
  WRONG_KEY("manifest.json: the signature does not verify with the given public key");

  final String problem;

  BundleTampering(String problem) {
    this.problem = problem;
  }

  /** Copies {@code bundle} into {@code dir}, tampers with the copy; the verify command's args. */
  List<String> applyToACopy(Path bundle, Path dir) throws IOException {
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    for (Path f : EvidenceCommandTest.files(bundle)) {
      Files.copy(f, copy.resolve(f.getFileName()));
    }
    List<String> args = new ArrayList<>(List.of("evidence", "verify", copy.toString()));
    switch (this) {
      case CHANGED_ROW ->
          // the auditor's headline number, lowered after signing
          replace(
              copy.resolve("summary.json"), "\"failedRotations\" : 1", "\"failedRotations\" : 0");
      case REMOVED_FILE -> Files.delete(copy.resolve("audit.json"));
      case ADDED_FILE -> Files.writeString(copy.resolve("extra.csv"), "source,rejected\n");
      case CHANGED_MANIFEST -> {
        Path audit = copy.resolve("audit.json");
        replace(audit, "SIGNATURE_MISMATCH", "SIGNATURE_MISSING");
        // the forger updates the manifest to the changed file's digest
        replace(
            copy.resolve("manifest.json"),
            "(\"name\" : \"audit.json\",\\s*\"sha256\" : \")[^\"]+",
            "$1" + Manifest.sha256(Files.readAllBytes(audit)));
      }
      case WRONG_KEY -> {
        String other;
        try (KmsClient kms = KmsClient.create()) {
          other = EvidenceCommandTest.signingKey(kms, KeySpec.RSA_2048);
        }
        args.add("--public-key");
        args.add(EvidenceCommandTest.pem(other, dir.resolve("other.pem")).toString());
      }
    }
    return args;
  }

  /** Replaces the first match of {@code regex}, which must be there. */
  private static void replace(Path file, String regex, String replacement) throws IOException {
    String before = Files.readString(file);
    String after = before.replaceFirst(regex, replacement);
    assertThat(after).as("tampered " + file.getFileName()).isNotEqualTo(before);
    Files.writeString(file, after);
  }
}
