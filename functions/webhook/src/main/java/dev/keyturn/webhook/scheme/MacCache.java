package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;

/**
 * Initialised {@link Mac}s per secret, so a verification neither re-derives a key nor looks up a
 * provider. Macs are not thread-safe, so each thread keeps its own small LRU map; a secret that
 * rotated out of use falls off the end.
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
  private final ThreadLocal<Map<String, Mac>> macsBySecret =
      ThreadLocal.withInitial(MacCache::lruMap);

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

  /** A ready Mac keyed with this secret, or null when the secret is not a usable key. */
  Mac macFor(String secret) {
    Map<String, Mac> macs = macsBySecret.get();
    Mac mac = macs.get(secret);
    if (mac == null) {
      byte[] key = keyOf.apply(secret);
      if (key == null || key.length == 0) {
        return null;
      }
      mac = algorithm.newMac(key);
      Arrays.fill(key, (byte) 0);
      macs.put(secret, mac);
    }
    return mac;
  }

  private static byte[] utf8Key(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Mac> lruMap() {
    return new LinkedHashMap<>(PER_THREAD_CAPACITY * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Mac> eldest) {
        return size() > PER_THREAD_CAPACITY;
      }
    };
  }
}
