package dev.keyturn.webhook.scheme;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;

/**
 * Standard Webhooks asymmetric keys: {@code whpk_} + base64 of a raw 32-byte ed25519 key.
 *
 * <p>Parsed keys are kept per stored value, that is per secret version (a rotation adds a value),
 * so a version's key is parsed once per container, never per request; at most {@link
 * #MAX_CACHED_KEYS}, least recently used first out. What a cold container pays for its first
 * ed25519 verification is the JCA provider lookup and EdDSA class initialisation, the X.509 key
 * decoding and the first curve arithmetic running interpreted; the SnapStart primer ({@code
 * WebhookBeans}) pays that before the snapshot.
 */
final class Ed25519Keys {

  static final String PUBLIC_KEY_PREFIX = "whpk_";
  static final String SECRET_KEY_PREFIX = "whsk_";
  static final int SIGNATURE_LENGTH = 64;

  private static final int KEY_LENGTH = 32;
  private static final int MAX_CACHED_KEYS = 64;

  /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410); the raw key follows. */
  private static final byte[] X509_HEADER = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private static final Map<String, PublicKey> KEYS =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PublicKey> eldest) {
              return size() > MAX_CACHED_KEYS;
            }
          });
  private static final ThreadLocal<Signature> VERIFIERS =
      ThreadLocal.withInitial(Ed25519Keys::newVerifier);

  private Ed25519Keys() {}

  static boolean isPublicKey(String candidate) {
    return candidate.startsWith(PUBLIC_KEY_PREFIX);
  }

  /**
   * The key a stored public key encodes ({@code whpk_} prefix optional: the declared key type, not
   * the prefix, says what it is), or null when it is not a valid ed25519 public key (a {@code
   * whsec_} or {@code whsk_} value, a wrong length).
   */
  static PublicKey publicKey(String candidate) {
    PublicKey key = KEYS.get(candidate);
    if (key == null) {
      key = parse(candidate);
      if (key != null) {
        KEYS.put(candidate, key);
      }
    }
    return key;
  }

  /** The {@code whpk_} form of a JDK ed25519 public key. */
  static String encode(PublicKey key) {
    byte[] der = key.getEncoded();
    return PUBLIC_KEY_PREFIX
        + Codecs.base64(Arrays.copyOfRange(der, X509_HEADER.length, der.length));
  }

  /** Whether any of the signatures is a valid ed25519 signature of the content by the key. */
  static boolean verifiesAny(PublicKey key, SignedContent content, ExpectedSignatures signatures) {
    Signature verifier = VERIFIERS.get();
    for (int i = 0; i < signatures.count(); i++) {
      try {
        verifier.initVerify(key);
        content.feed(verifier);
        if (verifier.verify(signatures.get(i))) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        // an undecodable signature or a key the provider refuses: not a match
      }
    }
    return false;
  }

  private static PublicKey parse(String candidate) {
    if (candidate.startsWith(StandardWebhooksScheme.SECRET_PREFIX)
        || candidate.startsWith(SECRET_KEY_PREFIX)) {
      return null; // marked as another kind of key
    }
    int from = isPublicKey(candidate) ? PUBLIC_KEY_PREFIX.length() : 0;
    byte[] raw = Codecs.base64DecodeKey(candidate, from);
    if (raw == null || raw.length != KEY_LENGTH) {
      return null;
    }
    byte[] der = Arrays.copyOf(X509_HEADER, X509_HEADER.length + KEY_LENGTH);
    System.arraycopy(raw, 0, der, X509_HEADER.length, KEY_LENGTH);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private static Signature newVerifier() {
    try {
      return Signature.getInstance("Ed25519");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }
}
