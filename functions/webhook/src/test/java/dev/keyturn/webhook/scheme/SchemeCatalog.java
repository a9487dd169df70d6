package dev.keyturn.webhook.scheme;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Every scheme with working options, and secrets in each one's format, for cross-scheme tests. */
final class SchemeCatalog {

  private SchemeCatalog() {}

  static Map<String, String> optionsFor(String name) {
    return name.equals(GenericHmacScheme.NAME)
        ? Map.of("header", "X-Signature", "algorithm", "sha512", "encoding", "base64")
        : Map.of();
  }

  static List<AbstractScheme> all() {
    return Schemes.names().stream()
        .map(name -> (AbstractScheme) Schemes.create(name, optionsFor(name)))
        .toList();
  }

  /** A random secret in the format the scheme's provider issues. */
  static String secretFor(SignatureScheme scheme, SplittableRandom random) {
    byte[] key = new byte[24 + random.nextInt(16)];
    random.nextBytes(key);
    String encoded = Base64.getEncoder().encodeToString(key);
    return switch (scheme.name()) {
      case StandardWebhooksScheme.NAME, StripeScheme.NAME -> "whsec_" + encoded;
      default -> encoded;
    };
  }
}
