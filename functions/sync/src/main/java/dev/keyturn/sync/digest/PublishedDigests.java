package dev.keyturn.sync.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed digests of what keyturn published to targets that never give values back (GitHub,
 * Cloudflare): HMAC-SHA256 under the deployment's digest key over the target, the variable and the
 * value. Without the key a digest cannot be checked against guesses, so even a low-entropy value
 * stays unknown to whoever reads the state table; binding target and variable in means two sinks of
 * one value never share a digest. Never a plain hash, never the value.
 */
public final class PublishedDigests {

  /** Prefix of every digest; a new scheme would use a new one and republish. */
  static final String VERSION = "h1:";

  private static final String ALGORITHM = "HmacSHA256";

  private final DigestKey key;

  public PublishedDigests(DigestKey key) {
    this.key = key;
  }

  /** The digest of {@code value} published as {@code var} on {@code target}. */
  public String digest(String target, String var, String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
      // length-prefixed fields: no two (target, var, value) triples feed the MAC the same bytes
      for (String part : new String[] {target, var, value}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(
            new byte[] {
              (byte) (bytes.length >>> 24),
              (byte) (bytes.length >>> 16),
              (byte) (bytes.length >>> 8),
              (byte) bytes.length
            });
        mac.update(bytes);
      }
      return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
