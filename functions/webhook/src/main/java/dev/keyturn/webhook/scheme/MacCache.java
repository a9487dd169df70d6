package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link HmacKey}s per secret, so a verification neither re-derives a key nor hashes its pads
 * again. One small table shared by all threads, replaced whole when a secret is added: a request
 * reads it with one volatile read, no lock and no thread-local lookup (keys are immutable and
 * thread-safe). A secret that rotated out of use leaves after {@link #CAPACITY} newer ones.
 */
final class MacCache {

  static final int CAPACITY = 16;

  private static final Map<HmacAlgorithm, MacCache> UTF8_KEYED = new EnumMap<>(HmacAlgorithm.class);

  static {
    for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
      UTF8_KEYED.put(algorithm, new MacCache(algorithm, MacCache::utf8Key));
    }
  }

  private final HmacAlgorithm algorithm;
  private final Function<String, byte[]> keyOf;
  private volatile Table table = Table.EMPTY;

  /**
   * @param keyOf turns a stored secret into key bytes, or null when it is not a usable key
   */
  MacCache(HmacAlgorithm algorithm, Function<String, byte[]> keyOf) {
    this.algorithm = algorithm;
    this.keyOf = keyOf;
  }

  /** The shared cache for schemes whose key is the secret string's UTF-8 bytes. */
  static MacCache utf8Keyed(HmacAlgorithm algorithm) {
    return UTF8_KEYED.get(algorithm);
  }

  HmacAlgorithm algorithm() {
    return algorithm;
  }

  /** The HMAC key of this secret, or null when the secret is not a usable key. */
  HmacKey macFor(String secret) {
    HmacKey mac = table.find(secret);
    if (mac == null) {
      byte[] key = keyOf.apply(secret);
      if (key == null || key.length == 0) {
        return null;
      }
      mac = HmacKey.of(algorithm, key);
      Arrays.fill(key, (byte) 0);
      add(secret, mac);
    }
    return mac;
  }

  /** Number of secrets held (tests). */
  int size() {
    return table.secrets.length;
  }

  /** Publishes a new table; a secret another thread added meanwhile is not added twice. */
  private synchronized void add(String secret, HmacKey mac) {
    if (table.find(secret) == null) {
      table = table.with(secret, mac);
    }
  }

  /** Secrets, newest first, and their keys. Never changed once published. */
  private static final class Table {

    static final Table EMPTY = new Table(new String[0], new HmacKey[0]);

    private final String[] secrets;
    private final HmacKey[] macs;

    private Table(String[] secrets, HmacKey[] macs) {
      this.secrets = secrets;
      this.macs = macs;
    }

    /**
     * Candidates arrive as the same String instances request after request (the secrets cache hands
     * them out), so an identity scan finds them before any equals.
     */
    HmacKey find(String secret) {
      for (int i = 0; i < secrets.length; i++) {
        if (secrets[i] == secret) {
          return macs[i];
        }
      }
      for (int i = 0; i < secrets.length; i++) {
        if (secret.equals(secrets[i])) {
          return macs[i];
        }
      }
      return null;
    }

    /** This table with the secret first, dropping the oldest beyond {@link #CAPACITY}. */
    Table with(String secret, HmacKey mac) {
      int size = Math.min(secrets.length + 1, CAPACITY);
      String[] newSecrets = new String[size];
      HmacKey[] newMacs = new HmacKey[size];
      newSecrets[0] = secret;
      newMacs[0] = mac;
      System.arraycopy(secrets, 0, newSecrets, 1, size - 1);
      System.arraycopy(macs, 0, newMacs, 1, size - 1);
      return new Table(newSecrets, newMacs);
    }
  }

  private static byte[] utf8Key(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
