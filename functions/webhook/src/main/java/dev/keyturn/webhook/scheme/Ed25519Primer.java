package dev.keyturn.webhook.scheme;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Runs one ed25519 verification of a fixed, published delivery (the Standard Webhooks reference
 * libraries' asymmetric test vector), so a SnapStart snapshot holds the JCA provider lookup, the
 * EdDSA classes and the key decoding that a cold container would otherwise pay on its first {@code
 * v1a} delivery, forged or not. Uses no randomness and no secret.
 */
public final class Ed25519Primer {

  static final String PUBLIC_KEY = "whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=";
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TIMESTAMP = 1614265330;
  static final String BODY = "{\"test\": 2432232314}";
  static final String SIGNATURE =
      "v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==";

  private Ed25519Primer() {}

  /**
   * Verifies the vector.
   *
   * @return whether it verified (always, unless the JDK's EdDSA is broken)
   */
  public static boolean prime() {
    StandardWebhooksScheme scheme =
        new StandardWebhooksScheme(Timestamps.DEFAULT_TOLERANCE_SECONDS, KeyType.ED25519_PUBLIC);
    WebhookRequest vector =
        new WebhookRequest(
            BODY.getBytes(StandardCharsets.UTF_8),
            Headers.of(
                StandardWebhooksScheme.ID_HEADER, ID,
                StandardWebhooksScheme.TIMESTAMP_HEADER, Long.toString(TIMESTAMP),
                StandardWebhooksScheme.SIGNATURE_HEADER, SIGNATURE));
    return scheme.verify(vector, List.of(PUBLIC_KEY), Instant.ofEpochSecond(TIMESTAMP)).verified();
  }
}
