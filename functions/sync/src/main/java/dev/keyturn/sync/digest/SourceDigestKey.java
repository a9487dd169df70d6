package dev.keyturn.sync.digest;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The digest key from a Secrets Manager secret ({@code KEYTURN_DIGEST_KEY_SECRET}; template.yaml
 * creates it with a generated 64-character value), read through core's {@link SecretSource} at
 * AWSCURRENT once per container, lazily: its UTF-8 bytes are the HMAC key. Rotating it makes every
 * digest unknown, so the next sync writes each GitHub and Cloudflare variable once more (harmless,
 * and it records new digests).
 */
public final class SourceDigestKey implements DigestKey {

  static final int MIN_LENGTH = 32;

  private final SecretSource secrets;
  private final String secretId;
  private volatile byte[] cached;

  public SourceDigestKey(SecretSource secrets, String secretId) {
    this.secrets = secrets;
    this.secretId = secretId;
  }

  @Override
  public byte[] bytes() {
    byte[] key = cached;
    if (key == null) {
      synchronized (this) {
        if (cached == null) {
          cached = read();
        }
        key = cached;
      }
    }
    return key.clone();
  }

  private byte[] read() {
    if (secretId == null || secretId.isBlank()) {
      throw new DigestKeyUnavailableException("(unset)", "KEYTURN_DIGEST_KEY_SECRET is not set");
    }
    Source source = new Source.SecretsManager(secretId);
    SecretValue value = secrets.current(List.of(source)).get(source);
    if (value == null || value.value() == null) {
      throw new DigestKeyUnavailableException(secretId, "no such secret");
    }
    if (value.value().length() < MIN_LENGTH) {
      throw new DigestKeyUnavailableException(
          secretId, "the value must be at least " + MIN_LENGTH + " characters");
    }
    return value.value().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SourceDigestKey[" + secretId + "]";
  }
}
