package dev.keyturn.sync.digest;

/**
 * The deployment's secret key for digests of published values. Implementations read it lazily (a
 * SnapStart snapshot never holds it) and cache it.
 */
public interface DigestKey {

  /**
   * The key bytes (at least 32).
   *
   * @throws DigestKeyUnavailableException when it is not configured or not usable
   */
  byte[] bytes();

  /** A fixed key, for tests and in-memory fakes. */
  static DigestKey fixed(byte[] key) {
    byte[] copy = key.clone();
    return () -> copy.clone();
  }
}
