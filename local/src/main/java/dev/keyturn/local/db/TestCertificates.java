package dev.keyturn.local.db;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made in the test JVM (Bouncy Castle), and a server certificate
 * it signed for {@code localhost} and {@code 127.0.0.1}. The servers use the server pair; clients
 * verify against {@link #caBundle()}. Nothing is ever written outside the directory given to {@link
 * #generate(Path)}.
 */
public final class TestCertificates {

  private static final Duration VALIDITY = Duration.ofDays(2);
  private static final Object SHARED_LOCK = new Object();
  private static TestCertificates shared;

  private final Path caBundle;
  private final Path serverCertificate;
  private final Path serverKey;

  private TestCertificates(Path caBundle, Path serverCertificate, Path serverKey) {
    this.caBundle = caBundle;
    this.serverCertificate = serverCertificate;
    this.serverKey = serverKey;
  }

  /** One CA per JVM, shared by every server, in a temporary directory deleted at exit. */
  public static TestCertificates shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null) {
        try {
          Path dir = Files.createTempDirectory("keyturn-test-ca-");
          dir.toFile().deleteOnExit();
          shared = generate(dir);
          for (Path file :
              new Path[] {shared.caBundle, shared.serverCertificate, shared.serverKey}) {
            file.toFile().deleteOnExit();
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the test CA directory", e);
        }
      }
      return shared;
    }
  }

  /** A new CA and server pair, written as PEM files into {@code directory}. */
  public static TestCertificates generate(Path directory) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair caKeys = rsa.generateKeyPair();
      KeyPair serverKeys = rsa.generateKeyPair();
      X500Name caName = new X500Name("CN=keyturn test CA " + Instant.now().toEpochMilli());
      X509Certificate ca = caCertificate(caName, caKeys);
      X509Certificate server = serverCertificate(caName, caKeys, serverKeys);
      Path caFile = write(directory.resolve("ca.pem"), pem(ca));
      Path certFile = write(directory.resolve("server.pem"), pem(server));
      Path keyFile = write(directory.resolve("server-key.pem"), pemKey(serverKeys.getPrivate()));
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      return new TestCertificates(caFile, certFile, keyFile);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make the test certificates", e);
    }
  }

  /** The CA certificate (PEM): what clients trust. */
  public Path caBundle() {
    return caBundle;
  }

  public Path serverCertificate() {
    return serverCertificate;
  }

  public Path serverKey() {
    return serverKey;
  }

  /** Copies the three files into {@code directory} (servers want their own copies to own). */
  Path[] copyTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Path ca = Files.copy(caBundle, directory.resolve("ca.pem"));
      Path cert = Files.copy(serverCertificate, directory.resolve("server.pem"));
      Path key = Files.copy(serverKey, directory.resolve("server-key.pem"));
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      return new Path[] {ca, cert, key};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the test certificates", e);
    }
  }

  private static X509Certificate caCertificate(X500Name name, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(name, serial(), from(now), to(now), name, keys.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys);
  }

  private static X509Certificate serverCertificate(X500Name issuer, KeyPair caKeys, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer, serial(), from(now), to(now), new X500Name("CN=localhost"), keys.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        ext.createAuthorityKeyIdentifier(caKeys.getPublic()));
    return sign(builder, caKeys);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
  }

  private static Date from(Instant now) {
    return Date.from(now.minus(Duration.ofHours(1)));
  }

  private static Date to(Instant now) {
    return Date.from(now.plus(VALIDITY));
  }

  private static String pem(X509Certificate certificate) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    }
    return out.toString();
  }

  /** PKCS#8 ("PRIVATE KEY"), unencrypted: what PostgreSQL, MariaDB and Redis all read. */
  private static String pemKey(PrivateKey key) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    }
    return out.toString();
  }

  private static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content);
  }
}
