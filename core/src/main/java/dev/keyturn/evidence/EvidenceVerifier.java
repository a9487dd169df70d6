package dev.keyturn.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code keyturn evidence verify}: the manifest's signature (with the public key given, else the
 * KMS key's public key), then every file's digest in manifest order, then files the manifest does
 * not list. The answer names the first file that does not match.
 */
public final class EvidenceVerifier {

  private final Signatures signatures;

  /**
   * @param signatures where the public key comes from when none is given (KMS); may be null for
   *     offline use
   */
  public EvidenceVerifier(Signatures signatures) {
    this.signatures = signatures;
  }

  /**
   * The result: {@code ok}, or the first file that does not match and why.
   *
   * @param manifest the manifest, when it could be read
   */
  public record Verification(boolean ok, String file, String problem, Manifest manifest) {

    static Verification failed(String file, String problem, Manifest manifest) {
      return new Verification(false, file, problem, manifest);
    }
  }

  /**
   * @param publicKey the key file's bytes (PEM or DER SubjectPublicKeyInfo), or null to ask KMS for
   *     the manifest's key
   */
  public Verification verify(Path dir, byte[] publicKey) {
    if (!Files.isDirectory(dir)) {
      throw new EvidenceInputException("no such bundle directory: " + dir);
    }
    Path manifestFile = dir.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifestFile)) {
      return Verification.failed(Manifest.FILE, "missing", null);
    }
    byte[] manifestJson = read(manifestFile);
    Manifest manifest;
    try {
      manifest = Manifest.parse(manifestJson);
    } catch (EvidenceInputException e) {
      return Verification.failed(Manifest.FILE, "not a " + Manifest.FORMAT + " manifest", null);
    }
    Path signatureFile = dir.resolve(Manifest.SIGNATURE_FILE);
    if (!Files.isRegularFile(signatureFile)) {
      return Verification.failed(Manifest.SIGNATURE_FILE, "missing", manifest);
    }
    byte[] der = publicKey != null ? PublicKeys.der(publicKey) : kmsKey(manifest);
    if (!signatureMatches(manifest, manifestJson, der, read(signatureFile))) {
      return Verification.failed(
          Manifest.FILE,
          "the signature does not verify with "
              + (publicKey != null
                  ? "the given public key"
                  : "the public key of " + manifest.keyId())
              + " (a changed manifest or another key)",
          manifest);
    }
    Set<String> listed = new HashSet<>(List.of(Manifest.FILE, Manifest.SIGNATURE_FILE));
    for (Manifest.FileDigest f : manifest.files()) {
      listed.add(f.name());
      Path file = dir.resolve(f.name()).normalize();
      if (!file.getParent().equals(dir.normalize()) || !Files.isRegularFile(file)) {
        return Verification.failed(f.name(), "missing (the manifest lists it)", manifest);
      }
      if (!Manifest.sha256(read(file)).equals(f.sha256())) {
        return Verification.failed(f.name(), "its SHA-256 does not match the manifest", manifest);
      }
    }
    try (Stream<Path> all = Files.list(dir)) {
      for (Path p : all.sorted().toList()) {
        if (!listed.contains(p.getFileName().toString())) {
          return Verification.failed(
              p.getFileName().toString(), "not in the manifest (added after signing)", manifest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return new Verification(true, null, null, manifest);
  }

  private byte[] kmsKey(Manifest manifest) {
    if (signatures == null) {
      throw new EvidenceKeyException("no public key given and no KMS to ask");
    }
    return signatures.publicKey(manifest.keyId());
  }

  /**
   * RSASSA-PSS is checked with the salt length AWS KMS uses (the digest's length) and with the
   * largest one (what some implementations, moto among them, use); both are valid PSS parameters of
   * the same key, so accepting either weakens nothing.
   */
  static boolean signatureMatches(Manifest m, byte[] manifestJson, byte[] der, byte[] sigFile) {
    byte[] signature;
    try {
      signature =
          Base64.getDecoder().decode(new String(sigFile, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] statement = Manifest.statement(manifestJson);
    String algorithm = m.algorithm() == null ? "" : m.algorithm();
    try {
      if (algorithm.startsWith("ECDSA_SHA_")) {
        String bits = algorithm.substring("ECDSA_SHA_".length());
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        return check("SHA" + bits + "withECDSA", null, key, statement, signature);
      }
      if (algorithm.startsWith("RSASSA_PSS_SHA_")) {
        String bits = algorithm.substring("RSASSA_PSS_SHA_".length());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        int digest = Integer.parseInt(bits) / 8;
        int modulus =
            (((java.security.interfaces.RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        for (int salt : List.of(digest, modulus - digest - 2)) {
          PSSParameterSpec pss =
              new PSSParameterSpec(
                  "SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits), salt, 1);
          if (check("RSASSA-PSS", pss, key, statement, signature)) {
            return true;
          }
        }
      }
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      return false; // a key of another type or a malformed key does not verify this manifest
    }
  }

  private static boolean check(
      String name, PSSParameterSpec pss, PublicKey key, byte[] statement, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(name);
    if (pss != null) {
      verifier.setParameter(pss);
    }
    verifier.initVerify(key);
    verifier.update(statement);
    try {
      return verifier.verify(signature);
    } catch (java.security.SignatureException malformed) {
      return false;
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
