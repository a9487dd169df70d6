package dev.keyturn.testing.github;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Actions secrets of one repository or environment, and the key pair GitHub hands out for them:
 * values are held decrypted (the stand-in opened each sealed box with libsodium), names in upper
 * case as GitHub stores them.
 */
final class SecretStore {

  /** One secret: its value and GitHub's timestamps (second precision, as the API shows them). */
  record Secret(String value, Instant createdAt, Instant updatedAt) {
    @Override
    public String toString() {
      return "Secret[value=***, createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
  }

  private final Map<String, Secret> secrets = new TreeMap<>();
  private byte[] secretKey;
  private byte[] publicKey;
  private String keyId;
  private int keyGeneration;
  private final String scope;

  SecretStore(String scope) {
    this.scope = scope;
    rotateKey();
  }

  synchronized void rotateKey() {
    byte[][] pair = Libsodium.load().keyPair();
    secretKey = pair[0];
    publicKey = pair[1];
    keyGeneration++;
    keyId = Integer.toUnsignedString((scope + "#" + keyGeneration).hashCode()) + keyGeneration;
  }

  synchronized String keyId() {
    return keyId;
  }

  synchronized String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey);
  }

  /** Opens a sealed box for the current key; null when it does not open. */
  synchronized String open(byte[] sealed) {
    byte[] plain = Libsodium.load().open(sealed, publicKey, secretKey);
    return plain == null ? null : new String(plain, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Stores a value; true when the secret is new. */
  synchronized boolean put(String name, String value, Instant now) {
    String key = name.toUpperCase(java.util.Locale.ROOT);
    Secret before = secrets.get(key);
    secrets.put(key, new Secret(value, before == null ? now : before.createdAt(), now));
    return before == null;
  }

  synchronized boolean delete(String name) {
    return secrets.remove(name.toUpperCase(java.util.Locale.ROOT)) != null;
  }

  synchronized Optional<Secret> get(String name) {
    return Optional.ofNullable(secrets.get(name.toUpperCase(java.util.Locale.ROOT)));
  }

  synchronized Map<String, Secret> all() {
    return Map.copyOf(secrets);
  }
}
