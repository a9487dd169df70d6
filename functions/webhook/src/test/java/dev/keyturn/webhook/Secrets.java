package dev.keyturn.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Fresh test secrets in the forms the schemes use. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A Standard Webhooks secret: {@code whsec_} + base64 of 32 random bytes. */
  static String whsec() {
    return "whsec_" + Base64.getEncoder().encodeToString(bytes(32));
  }

  /** A random hex string, as an {@code hmac-key} in hex format or a provider's shared secret. */
  static String hex() {
    return HexFormat.of().formatHex(bytes(32));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
