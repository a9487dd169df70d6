package dev.keyturn.webhook.scheme;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An HMAC key (RFC 2104) whose digest states after the inner and the outer key pad are computed
 * once, when the key is first used: each MAC starts from copies of those two states instead of
 * hashing both pad blocks again, which JCA's {@code Mac} does on every {@code doFinal} (two of the
 * ~20 compressions of a 1 KiB SHA-256 MAC). Immutable and thread-safe: the two prototypes are never
 * updated, only cloned. {@code HmacKeyTest} checks it against RFC 4231 / RFC 2202 vectors and
 * against JCA's Mac on random keys and messages.
 */
final class HmacKey {

  private static final byte INNER_PAD = 0x36;
  private static final byte OUTER_PAD = 0x5c;

  private final MessageDigest inner;
  private final MessageDigest outer;

  private HmacKey(MessageDigest inner, MessageDigest outer) {
    this.inner = inner;
    this.outer = outer;
  }

  /** The key's pad states; {@code key} may be any length (longer than a block is hashed first). */
  static HmacKey of(HmacAlgorithm algorithm, byte[] key) {
    int blockLength = algorithm.blockLength();
    byte[] k = key.length > blockLength ? algorithm.newDigest().digest(key) : key;
    byte[] pad = new byte[blockLength];
    MessageDigest inner = padded(algorithm, k, pad, INNER_PAD);
    MessageDigest outer = padded(algorithm, k, pad, OUTER_PAD);
    Arrays.fill(pad, (byte) 0);
    if (k != key) {
      Arrays.fill(k, (byte) 0);
    }
    copy(inner); // fail here, not per request, if the runtime's digest cannot be cloned
    return new HmacKey(inner, outer);
  }

  /** The MAC of {@code prefix} followed by {@code body}. */
  byte[] mac(byte[] prefix, byte[] body) {
    MessageDigest innerDigest = copy(inner);
    innerDigest.update(prefix);
    byte[] innerHash = innerDigest.digest(body);
    return copy(outer).digest(innerHash);
  }

  private static MessageDigest padded(HmacAlgorithm algorithm, byte[] k, byte[] pad, byte mask) {
    for (int i = 0; i < pad.length; i++) {
      pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ mask);
    }
    MessageDigest digest = algorithm.newDigest();
    digest.update(pad);
    return digest;
  }

  private static MessageDigest copy(MessageDigest prototype) {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      // the JDK's own SHA digests are cloneable; a runtime whose are not is broken, not the input
      throw new IllegalStateException(prototype.getAlgorithm() + " digest is not cloneable", e);
    }
  }

  /** Key material stays out of logs. */
  @Override
  public String toString() {
    return "HmacKey[" + inner.getAlgorithm() + "]";
  }
}
