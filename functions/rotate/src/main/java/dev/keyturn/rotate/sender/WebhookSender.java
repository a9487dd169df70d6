package dev.keyturn.rotate.sender;

import dev.keyturn.inventory.SenderBinding;

/**
 * A webhook sender with an API: keyturn sets the secret it signs with. One adapter per sender kind
 * ({@link SenderBinding#kind()}).
 */
public interface WebhookSender {

  /** The binding kind this adapter serves: {@code heroku} or {@code github}. */
  String kind();

  /**
   * Makes the sender sign its next deliveries with {@code secret}. Setting the same secret again
   * changes nothing, so a repeat is harmless.
   *
   * @throws SenderPushException naming the target and the sender's answer, never the value
   */
  void push(SenderBinding binding, String secret);

  /**
   * What the sender reports about the webhook. Neither Heroku nor GitHub returns the secret, so
   * what keyturn pushed, and when, is known only from its own records ({@code SenderPushStore}).
   *
   * @throws SenderPushException when the sender cannot be asked or has no such webhook
   */
  SenderHook describe(SenderBinding binding);
}
