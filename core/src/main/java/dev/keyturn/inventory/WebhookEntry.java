package dev.keyturn.inventory;

import java.util.Map;

/**
 * One inbound webhook source.
 *
 * @param source the URL path segment ({@code POST /webhooks/{source}})
 * @param scheme the signature scheme, e.g. {@code standard-webhooks}, {@code stripe}
 * @param secret the name of the {@link SecretEntry} that holds the signing secret
 * @param toleranceSeconds timestamp tolerance for schemes that sign one; null for the default
 * @param options scheme options (sibling keys in the file, e.g. {@code header}, {@code algorithm})
 */
public record WebhookEntry(
    String source,
    String scheme,
    String secret,
    Integer toleranceSeconds,
    Map<String, String> options) {
  public WebhookEntry {
    options = Map.copyOf(options);
  }
}
