package dev.keyturn.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * {@code keyturn evidence} against moto's KMS (kms:Sign, kms:GetPublicKey): a signed bundle that
 * {@code evidence verify} accepts, online and offline, and that catches each of five tamperings.
 */
@WithLocalAws
class EvidenceCommandTest {

  static CliWorld world;
  static String ecKey;
  static String rsaKey;
  static String otherKey;
  static String symmetricKey;
  static Path bundle;

  @BeforeAll
  static void seed(LocalAws aws, @TempDir Path dir) {
    world = CliWorld.seed(aws);
    try (KmsClient kms = KmsClient.create()) {
      ecKey = signingKey(kms, KeySpec.ECC_NIST_P256);
      rsaKey = signingKey(kms, KeySpec.RSA_2048);
      otherKey = signingKey(kms, KeySpec.ECC_NIST_P256);
      symmetricKey = kms.createKey(b -> b.description("not for signing")).keyMetadata().keyId();
    }
    assertThat(Cli.run("run", "--env", "dev", "--", "true").exit()).isZero();
    bundle = dir.resolve("bundle");
    CliResult r =
        Cli.run("evidence", "--since", "1d", "--out", bundle.toString(), "--kms-key", ecKey);
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  static String signingKey(KmsClient kms, KeySpec spec) {
    return kms.createKey(b -> b.keySpec(spec).keyUsage(KeyUsageType.SIGN_VERIFY))
        .keyMetadata()
        .keyId();
  }

  @Test
  void export_writesEveryFile_andAManifestOfTheirDigests() throws IOException {
    assertThat(names(bundle))
        .containsExactlyInAnyOrder(
            "summary.json",
            "matrix.json",
            "audit.json",
            "lint.json",
            "inventory.json",
            "sinks.json",
            "iam.json",
            "report.html",
            "manifest.json",
            "manifest.sig");
    Map<String, Object> manifest = Json.map(Files.readString(bundle.resolve("manifest.json")));
    assertThat(manifest)
        .containsEntry("format", "keyturn-evidence/1")
        .containsEntry("algorithm", "ECDSA_SHA_256");
    assertThat((String) manifest.get("keyId")).startsWith("arn:aws:kms:").endsWith(ecKey);
  }

  @Test
  void theBundle_holdsNoSeededValue() throws IOException {
    for (Path f : files(bundle)) {
      String text = Files.readString(f);
      for (String secret : SeededSecrets.values()) {
        assertThat(text.contains(secret)).as("a seeded value in " + f.getFileName()).isFalse();
      }
    }
  }

  @Test
  void summary_countsMatchTheMatrixAndTheAuditEvents() throws IOException {
    Map<String, Object> summary = Json.map(Files.readString(bundle.resolve("summary.json")));
    List<Map<String, Object>> matrix = list(bundle.resolve("matrix.json"));
    List<Map<String, Object>> audit = list(bundle.resolve("audit.json"));

    assertThat(summary.get("entries")).isEqualTo(matrix.size());
    assertThat(((Number) summary.get("overdue")).longValue())
        .isEqualTo(matrix.stream().filter(r -> Boolean.TRUE.equals(r.get("overdue"))).count());
    assertThat(summary.get("auditEvents")).isEqualTo(audit.size());
    assertThat(audit).extracting(e -> e.get("action")).contains("inventory.apply", "secret.read");
    assertThat(matrix).extracting(r -> r.get("name")).contains(CliWorld.HMAC, CliWorld.STRIPE);
    assertThat(matrix).allSatisfy(r -> assertThat(r).containsKeys("mode", "stage", "nextDue"));
  }

  @Test
  void verify_passesOnline_withTheKmsPublicKey() {
    CliResult r = Cli.run("evidence", "verify", bundle.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("verified: 8 files match the manifest signed by arn:aws:kms:");
  }

  @Test
  void verify_passesOffline_withThePublicKeyAsPem(@TempDir Path dir) throws IOException {
    Path pem = pem(ecKey, dir.resolve("evidence.pem"));

    CliResult r = Cli.run("evidence", "verify", bundle.toString(), "--public-key", pem.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @Test
  void tampering_aChangedRow_isNamed(@TempDir Path dir) throws IOException {
    Path copy = copy(dir);
    Path matrix = copy.resolve("matrix.json");
    Files.writeString(
        matrix,
        Files.readString(matrix).replaceFirst("\"overdue\" : \\w+", "\"overdue\" : false "));
    Files.writeString(matrix, Files.readString(matrix).replace(CliWorld.HMAC, "RX_SESSION_HMAX"));

    assertRejected(copy, "matrix.json: its SHA-256 does not match the manifest");
  }

  @Test
  void tampering_aRemovedFile_isNamed(@TempDir Path dir) throws IOException {
    Path copy = copy(dir);
    Files.delete(copy.resolve("sinks.json"));

    assertRejected(copy, "sinks.json: missing (the manifest lists it)");
  }

  @Test
  void tampering_anAddedFile_isNamed(@TempDir Path dir) throws IOException {
    Path copy = copy(dir);
    Files.writeString(copy.resolve("extra.csv"), "name,overdue\n");

    assertRejected(copy, "extra.csv: not in the manifest (added after signing)");
  }

  @Test
  void tampering_aChangedManifest_isNamed(@TempDir Path dir) throws IOException {
    Path copy = copy(dir);
    Path matrix = copy.resolve("matrix.json");
    Files.writeString(matrix, Files.readString(matrix) + " ");
    // the forger updates the manifest to the changed file's digest
    Path manifest = copy.resolve("manifest.json");
    String forged =
        Files.readString(manifest)
            .replaceAll(
                "(\"name\" : \"matrix.json\",\\s*\"sha256\" : \")[^\"]+",
                "$1" + dev.keyturn.evidence.Manifest.sha256(Files.readAllBytes(matrix)));
    assertThat(forged).isNotEqualTo(Files.readString(manifest));
    Files.writeString(manifest, forged);

    assertRejected(copy, "manifest.json: the signature does not verify with the public key of");
  }

  @Test
  void tampering_aWrongKey_isNamed(@TempDir Path dir) throws IOException {
    Path pem = pem(otherKey, dir.resolve("other.pem"));

    CliResult r = Cli.run("evidence", "verify", bundle.toString(), "--public-key", pem.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("manifest.json: the signature does not verify with the given public key");
  }

  @Test
  void anRsaKey_signsWithRsassaPss_andVerifiesOnlineAndOffline(@TempDir Path dir)
      throws IOException {
    Path rsaBundle = dir.resolve("rsa");
    CliResult r =
        Cli.run("evidence", "--since", "1d", "--out", rsaBundle.toString(), "--kms-key", rsaKey);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("RSASSA_PSS_SHA_256");

    assertThat(Cli.run("evidence", "verify", rsaBundle.toString()).exit()).isZero();
    Path pem = pem(rsaKey, dir.resolve("rsa.pem"));
    assertThat(
            Cli.run("evidence", "verify", rsaBundle.toString(), "--public-key", pem.toString())
                .exit())
        .isZero();
  }

  @Test
  void withoutAKey_nothingIsWritten_andTheSettingIsNamed(@TempDir Path dir) {
    Path out = dir.resolve("none");

    CliResult r = Cli.run("evidence", "--out", out.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no signing key: set KEYTURN_EVIDENCE_KMS_KEY or pass --kms-key");
    assertThat(out).doesNotExist();
  }

  @Test
  void aKeyThatCannotSign_isRefused_andNothingIsWritten(@TempDir Path dir) {
    Path out = dir.resolve("sym");

    CliResult r = Cli.run("evidence", "--out", out.toString(), "--kms-key", symmetricKey);

    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("KMS key " + symmetricKey + " cannot sign");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("sym.partial")).doesNotExist();
  }

  @Test
  void aDirectoryThatIsNotEmpty_isRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "x");

    CliResult r = Cli.run("evidence", "--out", dir.toString(), "--kms-key", ecKey);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is not empty");
    assertThat(names(dir)).containsExactly("keep.txt");
  }

  private static void assertRejected(Path copy, String problem) {
    CliResult r = Cli.run("evidence", "verify", copy.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("keyturn: not verified: " + problem);
  }

  static Path pem(String keyId, Path file) throws IOException {
    byte[] der;
    try (KmsClient kms = KmsClient.create()) {
      der = kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
    }
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    return Files.writeString(file, pem);
  }

  private static Path copy(Path dir) throws IOException {
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    for (Path f : files(bundle)) {
      Files.copy(f, copy.resolve(f.getFileName()));
    }
    return copy;
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.sorted().toList();
    }
  }

  static List<String> names(Path dir) throws IOException {
    return files(dir).stream().map(p -> p.getFileName().toString()).toList();
  }

  static List<Map<String, Object>> list(Path file) throws IOException {
    return Json.MAPPER.readValue(Files.readString(file), new TypeReference<>() {});
  }
}
