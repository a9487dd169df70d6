package dev.keyturn.webhook.scheme;

import java.time.Instant;
import java.util.Map;

/** Produces the headers a provider would send, for tests and the CLI demo. */
public interface WebhookSigner {

  /**
   * Signs a body the way the provider does.
   *
   * @param secret the signing secret as stored
   * @param body the exact body bytes that will be sent
   * @param at the signing time (used by schemes that sign a timestamp)
   * @param deliveryId the delivery id to send, or null for schemes that do not require one
   * @return header name to value, in the provider's spelling
   * @throws InvalidSigningInputException if the secret or id cannot be used by this scheme
   */
  Map<String, String> sign(String secret, byte[] body, Instant at, String deliveryId);
}
