package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;

/**
 * The bytes a provider signs: a short scheme-specific prefix (e.g. {@code "<t>."}) followed by the
 * raw body. Kept in two parts so the body is never copied.
 */
record SignedContent(byte[] prefix, byte[] body) {

  private static final byte[] NONE = new byte[0];
  private static final byte[] REPLAY_KEY_PREFIX = "sha256:".getBytes(StandardCharsets.US_ASCII);

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(SignedContent::newSha256);

  static SignedContent bodyOnly(byte[] body) {
    return new SignedContent(NONE, body);
  }

  /** The MAC of this content under {@code key}. */
  byte[] macWith(HmacKey key) {
    return key.mac(prefix, body);
  }

  /** Feeds this content to a signature initialised for verification. */
  void feed(Signature signature) throws SignatureException {
    signature.update(prefix);
    signature.update(body);
  }

  /** {@code sha256:<hex>} of the content: the replay key for schemes without a signed id. */
  String replayKey() {
    MessageDigest digest = SHA_256.get();
    digest.update(prefix);
    return Codecs.hex(REPLAY_KEY_PREFIX, digest.digest(body));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
