package dev.keyturn.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Optional;

/**
 * One inbound webhook source.
 *
 * @param source the URL path segment ({@code POST /webhooks/{source}})
 * @param scheme the signature scheme, e.g. {@code standard-webhooks}, {@code stripe}
 * @param secret the name of the {@link SecretEntry} that holds the signing secret
 * @param toleranceSeconds timestamp tolerance for schemes that sign one; null for the default
 * @param options scheme options (sibling keys in the file, e.g. {@code header}, {@code algorithm})
 * @param sender the sender keyturn pushes a rotated secret to, or null when the sender has no API
 *     (left out of the stored JSON then, so entries without one keep their stored form)
 */
public record WebhookEntry(
    String source,
    String scheme,
    String secret,
    Integer toleranceSeconds,
    Map<String, String> options,
    @JsonInclude(JsonInclude.Include.NON_NULL) SenderBinding sender) {

  @JsonCreator
  public WebhookEntry {
    options = Map.copyOf(options);
  }

  /** A source whose sender keyturn cannot reach (FreeScout, Stripe, Slack, ...). */
  public WebhookEntry(
      String source,
      String scheme,
      String secret,
      Integer toleranceSeconds,
      Map<String, String> options) {
    this(source, scheme, secret, toleranceSeconds, options, null);
  }

  /** The sender binding, when the sender has an API keyturn pushes new secrets to. */
  public Optional<SenderBinding> senderBinding() {
    return Optional.ofNullable(sender);
  }
}
