package dev.keyturn.webhook.scheme;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The HMAC digests webhook providers use. */
public enum HmacAlgorithm {
  SHA1("SHA-1", 20, 64),
  SHA256("SHA-256", 32, 64),
  SHA512("SHA-512", 64, 128);

  private final String digestName;
  private final int macLength;
  private final int blockLength;

  HmacAlgorithm(String digestName, int macLength, int blockLength) {
    this.digestName = digestName;
    this.macLength = macLength;
    this.blockLength = blockLength;
  }

  /** Length of a MAC in bytes. */
  public int macLength() {
    return macLength;
  }

  /** The option value naming this algorithm: {@code sha1}, {@code sha256}, {@code sha512}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The digest's block length in bytes, the length of HMAC's key pads. */
  int blockLength() {
    return blockLength;
  }

  /** A fresh instance of the underlying digest. */
  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(digestName);
    } catch (NoSuchAlgorithmException e) {
      // every JDK ships these algorithms; their absence is a broken runtime, not bad input
      throw new IllegalStateException(digestName + " is not available in this JDK", e);
    }
  }
}
