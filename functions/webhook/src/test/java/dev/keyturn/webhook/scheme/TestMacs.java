package dev.keyturn.webhook.scheme;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Plain JCA computations for tests, independent of the code under test. */
final class TestMacs {

  private TestMacs() {}

  static byte[] hmac(String jcaAlgorithm, byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(jcaAlgorithm);
      mac.init(new SecretKeySpec(key, jcaAlgorithm));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmacSha256(byte[] key, byte[] content) {
    return hmac("HmacSHA256", key, content);
  }

  /** The ed25519 key pair whose private key is this 32-byte seed (RFC 8032). */
  static KeyPair ed25519FromSeed(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      // the JDK generator draws exactly the 32 private-key bytes from the random source
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytesRandom(seed));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair newEd25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] ed25519Sign(KeyPair keys, byte[] content) {
    try {
      java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(content);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A "random" source that hands out fixed bytes, to turn a seed into a key pair. */
  private static final class FixedBytesRandom extends SecureRandom {
    private final byte[] bytes;

    FixedBytesRandom(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
    }
  }
}
