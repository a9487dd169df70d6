package dev.keyturn.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyturn.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code manifest.json}: the SHA-256 of every other file of the bundle, and which key signed it.
 * The signature ({@code manifest.sig}, base64) is over {@link #statement(byte[])} of the manifest's
 * exact bytes: a short text naming the manifest's digest, so it can be signed RAW by any KMS.
 *
 * @param format {@value #FORMAT}
 * @param generatedAt when the bundle was written
 * @param since the start of the period
 * @param keyId the signing key as KMS names it (an ARN)
 * @param algorithm the KMS signing algorithm ({@code RSASSA_PSS_SHA_256}, {@code ECDSA_SHA_256},
 *     ...)
 * @param files every file but the manifest and its signature, by name
 */
public record Manifest(
    String format,
    Instant generatedAt,
    Instant since,
    String keyId,
    String algorithm,
    List<FileDigest> files) {

  public static final String FORMAT = "keyturn-evidence/1";
  public static final String FILE = "manifest.json";
  public static final String SIGNATURE_FILE = "manifest.sig";

  public Manifest {
    files = List.copyOf(files);
  }

  /** One file: its name in the bundle and {@code sha256:<hex>} of its bytes. */
  public record FileDigest(String name, String sha256) {}

  public byte[] toJson() {
    try {
      return Json.MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(this)
          .concat("\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest is always JSON", e);
    }
  }

  /**
   * @throws EvidenceInputException when the bytes are not a manifest
   */
  public static Manifest parse(byte[] json) {
    try {
      Manifest m = Json.MAPPER.readValue(json, Manifest.class);
      if (!FORMAT.equals(m.format()) || m.files() == null) {
        throw new EvidenceInputException(FILE + ": not a " + FORMAT + " manifest");
      }
      return m;
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof EvidenceInputException known) {
        throw known;
      }
      throw new EvidenceInputException(FILE + ": not a " + FORMAT + " manifest");
    }
  }

  /** What is signed: the format and the manifest's SHA-256. */
  public static byte[] statement(byte[] manifestJson) {
    return (FORMAT + " manifest " + sha256(manifestJson)).getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
