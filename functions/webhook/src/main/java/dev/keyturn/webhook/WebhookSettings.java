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
 * @param secretMaxStale the oldest read of a secret's versions a container may still verify with
 *     when Secrets Manager cannot be read ({@code keyturn.webhook.secret-max-stale}, default 5m);
 *     past it deliveries are refused with 503 ({@code SECRETS_STALE}) instead
 * @param inventoryTtl how long a container keeps the webhook sources read from the table ({@code
 *     keyturn.webhook.inventory-ttl}, default 60s)
 * @param untimedReplayTtl how long delivery keys of schemes without a signed timestamp are
 *     remembered unless the source sets its own ({@code keyturn.webhook.untimed-replay-ttl},
 *     default 7d)
 * @param claimTtl how long a delivery's pending claim lasts ({@code keyturn.webhook.claim-ttl},
 *     default 10s): shorter than the function's timeout, longer than claim, release confirmation,
 *     publish and completion take at their call timeouts
 * @param awsCallTimeout the longest one AWS call may take, retries included ({@code
 *     keyturn.aws.call-timeout}, the SDK clients' setting; the webhook's default 2s)
 * @param actor who audit events name (the Lambda function's name, default {@code keyturn-webhook})
 */
public record WebhookSettings(
    int maxBodyBytes,
    Duration secretTtl,
    Duration secretMaxStale,
    Duration inventoryTtl,
    Duration untimedReplayTtl,
    Duration claimTtl,
    Duration awsCallTimeout,
    String actor) {

  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
  public static final Duration DEFAULT_SECRET_MAX_STALE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CLAIM_TTL = Duration.ofSeconds(10);

  /** The webhook's AWS call timeout (WebhookHandler sets it as the function's default). */
  public static final Duration DEFAULT_AWS_CALL_TIMEOUT = Duration.ofSeconds(2);

  /**
   * As long as the whole call: an attempt that timed out is never retried, because a slow attempt
   * may well have succeeded (a retried PutEvents would put the event on the bus twice). Attempts
   * that fail fast (throttling, 5xx, a refused connection) are still retried within the call.
   */
  public static final Duration DEFAULT_AWS_ATTEMPT_TIMEOUT = DEFAULT_AWS_CALL_TIMEOUT;

  public static final WebhookSettings DEFAULTS =
      new WebhookSettings(
          DEFAULT_MAX_BODY_BYTES,
          Duration.ofSeconds(60),
          DEFAULT_SECRET_MAX_STALE,
          Duration.ofSeconds(60),
          DeliveryCheck.DEFAULT_UNTIMED_REPLAY_TTL,
          DEFAULT_CLAIM_TTL,
          DEFAULT_AWS_CALL_TIMEOUT,
          "keyturn-webhook");

  public WebhookSettings {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("keyturn.webhook.max-body-bytes must be positive");
    }
    if (!secretMaxStale.isPositive()) {
      throw new IllegalArgumentException("keyturn.webhook.secret-max-stale must be positive");
    }
    if (!claimTtl.isPositive() || !awsCallTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "keyturn.webhook.claim-ttl and keyturn.aws.call-timeout must be positive");
    }
  }

  /** These settings with another body limit. */
  public WebhookSettings withMaxBodyBytes(int limit) {
    return new WebhookSettings(
        limit,
        secretTtl,
        secretMaxStale,
        inventoryTtl,
        untimedReplayTtl,
        claimTtl,
        awsCallTimeout,
        actor);
  }

  /** These settings with another secret TTL and staleness bound. */
  public WebhookSettings withSecretCache(Duration ttl, Duration maxStale) {
    return new WebhookSettings(
        maxBodyBytes,
        ttl,
        maxStale,
        inventoryTtl,
        untimedReplayTtl,
        claimTtl,
        awsCallTimeout,
        actor);
  }
}
