package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link HmacKey}s per secret, so a verification neither re-derives a key nor hashes its pads
 * again. Each thread keeps its own small table (no locking on the request path); a secret that
 * rotated out of use is overwritten.
 */
final class MacCache {

  private static final int PER_THREAD_CAPACITY = 16;

  private static final Map<HmacAlgorithm, MacCache> UTF8_KEYED = new EnumMap<>(HmacAlgorithm.class);

  static {
    for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
      UTF8_KEYED.put(algorithm, new MacCache(algorithm, MacCache::utf8Key));
    }
  }

  private final HmacAlgorithm algorithm;
  private final Function<String, byte[]> keyOf;
  private final ThreadLocal<ThreadMacs> threadMacs = ThreadLocal.withInitial(ThreadMacs::new);

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
    ThreadMacs macs = threadMacs.get();
    HmacKey mac = macs.find(secret);
    if (mac == null) {
      byte[] key = keyOf.apply(secret);
      if (key == null || key.length == 0) {
        return null;
      }
      mac = HmacKey.of(algorithm, key);
      Arrays.fill(key, (byte) 0);
      macs.add(secret, mac);
    }
    return mac;
  }

  /**
   * One thread's Macs. Candidates arrive as the same String instances request after request (the
   * secrets cache hands them out), so an identity scan finds them before any equals.
   */
  private static final class ThreadMacs {
    private final String[] secrets = new String[PER_THREAD_CAPACITY];
    private final HmacKey[] macs = new HmacKey[PER_THREAD_CAPACITY];
    private int next;

    HmacKey find(String secret) {
      for (int i = 0; i < PER_THREAD_CAPACITY; i++) {
        if (secrets[i] == secret) {
          return macs[i];
        }
      }
      for (int i = 0; i < PER_THREAD_CAPACITY; i++) {
        if (secret.equals(secrets[i])) {
          return macs[i];
        }
      }
      return null;
    }

    /** Replaces the oldest entry: rotated-out secrets leave after 16 newer ones. */
    void add(String secret, HmacKey mac) {
      secrets[next] = secret;
      macs[next] = mac;
      next = (next + 1) % PER_THREAD_CAPACITY;
    }
  }

  private static byte[] utf8Key(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
