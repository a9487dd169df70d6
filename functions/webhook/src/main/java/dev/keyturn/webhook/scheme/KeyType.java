package dev.keyturn.webhook.scheme;

import java.util.Locale;

/**
 * What a webhook source's stored secret is, as the inventory declares it ({@code keyType}): never
 * guessed from the value. A value that is not a key of its declared type is not used at all.
 */
public enum KeyType {
  /** A shared secret for HMAC (every scheme). */
  HMAC,
  /**
   * A Standard Webhooks ed25519 public key ({@code whpk_} + base64 of 32 bytes), for {@code v1a}.
   */
  ED25519_PUBLIC;

  /** The inventory option naming it. */
  public static final String OPTION = "keyType";

  /** The option value: {@code hmac}, {@code ed25519-public}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
