package dev.keyturn.webhook.scheme;

import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC digests webhook providers use. */
public enum HmacAlgorithm {
  SHA1("HmacSHA1", 20),
  SHA256("HmacSHA256", 32),
  SHA512("HmacSHA512", 64);

  private final String jcaName;
  private final int macLength;

  HmacAlgorithm(String jcaName, int macLength) {
    this.jcaName = jcaName;
    this.macLength = macLength;
  }

  /** Length of a MAC in bytes. */
  public int macLength() {
    return macLength;
  }

  /** The option value naming this algorithm: {@code sha1}, {@code sha256}, {@code sha512}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A Mac initialised with the key. The key must not be empty. */
  Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(jcaName);
      mac.init(new SecretKeySpec(key, jcaName));
      return mac;
    } catch (GeneralSecurityException e) {
      // every JDK ships these algorithms; their absence is a broken runtime, not bad input
      throw new IllegalStateException(jcaName + " is not available in this JDK", e);
    }
  }
}
