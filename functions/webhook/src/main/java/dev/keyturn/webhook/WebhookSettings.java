package dev.keyturn.webhook;

import dev.keyturn.webhook.verify.DeliveryCheck;
import java.time.Duration;

/**
 * Tuning of the webhook function.
 *
 * @param maxBodyBytes the largest body accepted, after base64 decoding ({@code
 *     keyturn.webhook.max-body-bytes}, default 262144 = 256 KiB); larger gets 413
 * @param secretTtl how long a container keeps a secret's live versions ({@code
 *     keyturn.webhook.secret-ttl}, default 60s); also the minimum gap between two refreshes forced
 *     by signatures that match no cached version
 * @param inventoryTtl how long a container keeps the webhook sources read from the table ({@code
 *     keyturn.webhook.inventory-ttl}, default 60s)
 * @param untimedReplayTtl how long delivery keys of schemes without a signed timestamp are
 *     remembered ({@code keyturn.webhook.untimed-replay-ttl}, default 7d)
 * @param actor who audit events name (the Lambda function's name, default {@code keyturn-webhook})
 */
public record WebhookSettings(
    int maxBodyBytes,
    Duration secretTtl,
    Duration inventoryTtl,
    Duration untimedReplayTtl,
    String actor) {

  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

  public static final WebhookSettings DEFAULTS =
      new WebhookSettings(
          DEFAULT_MAX_BODY_BYTES,
          Duration.ofSeconds(60),
          Duration.ofSeconds(60),
          DeliveryCheck.DEFAULT_UNTIMED_REPLAY_TTL,
          "keyturn-webhook");

  public WebhookSettings {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("keyturn.webhook.max-body-bytes must be positive");
    }
  }
}
