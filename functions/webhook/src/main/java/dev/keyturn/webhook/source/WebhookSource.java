package dev.keyturn.webhook.source;

import dev.keyturn.inventory.Source;
import dev.keyturn.webhook.verify.DeliveryCheck;

/**
 * A configured webhook source, ready to verify deliveries.
 *
 * @param name the path segment ({@code POST /webhooks/{name}}) and the forwarded detail-type
 * @param check its scheme and replay window
 * @param secretName the inventory entry holding the signing secret
 * @param secret where that secret lives
 */
public record WebhookSource(String name, DeliveryCheck check, String secretName, Source secret) {}
