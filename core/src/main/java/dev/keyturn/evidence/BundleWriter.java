package dev.keyturn.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a bundle: every file into a sibling directory first, then the manifest and its signature,
 * then one rename to the target, so a failed export (a key that cannot sign) leaves nothing behind.
 */
final class BundleWriter {

  private final Signatures signatures;

  BundleWriter(Signatures signatures) {
    this.signatures = signatures;
  }

  void requireEmpty(Path dir) {
    if (Files.isRegularFile(dir)) {
      throw new EvidenceInputException(dir + " is a file, not a directory");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        if (files.findAny().isPresent()) {
          throw new EvidenceInputException(dir + " is not empty: give a new directory");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir, e);
      }
    }
  }

  Manifest write(EvidenceBundle bundle, Path dir, Signatures.SigningKey key) {
    Path target = dir.toAbsolutePath().normalize();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      delete(partial);
      Files.createDirectories(partial);
      Map<String, byte[]> files = files(bundle);
      List<Manifest.FileDigest> digests = new ArrayList<>();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(partial.resolve(f.getKey()), f.getValue());
        digests.add(new Manifest.FileDigest(f.getKey(), Manifest.sha256(f.getValue())));
      }
      Manifest manifest =
          new Manifest(
              Manifest.FORMAT,
              bundle.summary().generatedAt(),
              bundle.summary().since(),
              key.arn(),
              key.algorithm(),
              digests);
      byte[] json = manifest.toJson();
      byte[] signature = signatures.sign(key, Manifest.statement(json));
      Files.write(partial.resolve(Manifest.FILE), json);
      Files.writeString(
          partial.resolve(Manifest.SIGNATURE_FILE),
          Base64.getEncoder().encodeToString(signature) + "\n",
          StandardCharsets.US_ASCII);
      if (Files.isDirectory(target)) {
        Files.delete(target); // empty: checked before anything was read
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (DirectoryNotEmptyException e) {
      throw new EvidenceInputException(dir + " is not empty: give a new directory");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundle to " + dir, e);
    } finally {
      delete(partial);
    }
  }

  /** File name to bytes, in manifest order. */
  static Map<String, byte[]> files(EvidenceBundle b) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(EvidenceBundle.SUMMARY, json(b.summary()));
    files.put(EvidenceBundle.MATRIX, json(b.matrix()));
    files.put(EvidenceBundle.AUDIT, json(b.audit()));
    files.put(EvidenceBundle.LINT, json(b.lint()));
    files.put(EvidenceBundle.INVENTORY, b.inventoryJson().getBytes(StandardCharsets.UTF_8));
    files.put(EvidenceBundle.SINKS, json(b.sinks()));
    files.put(EvidenceBundle.IAM, json(b.iam()));
    files.put(EvidenceBundle.REPORT, EvidenceReport.html(b).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  static byte[] json(Object value) {
    try {
      return (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
