package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Generator and webhook entries name things that exist, with valid options. */
final class ReferenceRules {

  static final String GENERATOR = "generator";
  static final String WEBHOOK = "webhook";

  /** The webhook option declaring what the stored secret is, and its asymmetric value. */
  static final String KEY_TYPE = "keyType";

  static final String ED25519_PUBLIC = "ed25519-public";

  private ReferenceRules() {}

  static Stream<Finding> generators(Inventory inventory, LintContext context) {
    return inventory.secrets().stream()
        .filter(e -> e.name() != null && e.generator() != null)
        .flatMap(e ->
            Stream.concat(
                context
                    .generators()
                    .validate(e.generator().type(), e.generator().options())
                    .stream()
                    .map(problem ->
                        Finding.error(
                            e.name(),
                            GENERATOR,
                            "generator " + e.generator().type() + ": " + problem,
                            "fix the generator options (see docs/configuration.md)")),
                secretsManagerOnly(e, context)));
  }

  /**
   * A generator whose other side is set in setSecret cannot rotate an SSM parameter (any of an
   * entry's per-environment sources).
   */
  private static Stream<Finding> secretsManagerOnly(SecretEntry e, LintContext context) {
    boolean onSsm = e.allSources().stream().anyMatch(s -> s instanceof Source.SsmParameter);
    if (!onSsm || !context.generators().secretsManagerOnly(e.generator().type())) {
      return Stream.empty();
    }
    return Stream.of(
        Finding.error(
            e.name(),
            GENERATOR,
            "generator " + e.generator().type() + " rotates only a Secrets Manager secret",
            "keep the value in Secrets Manager (source: {secretsManager: ...})"));
  }

  static Stream<Finding> webhooks(Inventory inventory, LintContext context) {
    return inventory.webhooks().stream()
        .filter(w -> w.source() != null && w.scheme() != null)
        .flatMap(w -> webhookFindings(inventory, w, context));
  }

  private static Stream<Finding> webhookFindings(
      Inventory inventory, WebhookEntry w, LintContext context) {
    String entry = "webhook " + w.source();
    Stream<Finding> secret =
        inventory.secret(w.secret()).isPresent()
            ? Stream.empty()
            : Stream.of(
                Finding.error(
                    entry,
                    WEBHOOK,
                    "secret " + w.secret() + " is not in the inventory",
                    "add the secret entry or fix the name"));
    Map<String, String> options = new HashMap<>(w.options());
    if (w.toleranceSeconds() != null) {
      options.put("toleranceSeconds", Integer.toString(w.toleranceSeconds()));
    }
    Stream<Finding> scheme =
        context.schemes().validate(w.scheme(), options).stream()
            .map(problem ->
                Finding.error(
                    entry,
                    WEBHOOK,
                    "scheme " + w.scheme() + ": " + problem,
                    "fix the scheme or its options"));
    return Stream.of(
            secret, scheme, sender(w, entry), keyType(inventory, w, entry), overlapGrace(w, entry))
        .flatMap(s -> s);
  }

  /** The overlap grace decides when the old secret dies: a value we cannot read is an error. */
  private static Stream<Finding> overlapGrace(WebhookEntry w, String entry) {
    if (w.overlapGrace() == null || WebhookEntry.parseOverlapGrace(w.overlapGrace()).isPresent()) {
      return Stream.empty();
    }
    return Stream.of(
        Finding.error(
            entry,
            WEBHOOK,
            "overlapGrace " + w.overlapGrace() + " is not a zero or positive ISO-8601 duration",
            "write a duration such as PT1H, PT30M or P1D"));
  }

  /**
   * A sender signs with its own scheme: a Heroku app webhook's deliveries carry Heroku's signature,
   * a GitHub hook's GitHub's. Any other pairing means the binding names the wrong sender.
   */
  private static Stream<Finding> sender(WebhookEntry w, String entry) {
    return w.senderBinding().stream()
        .filter(b -> !b.kind().equals(w.scheme()))
        .map(b ->
            Finding.error(
                entry,
                WEBHOOK,
                "sender " + b.kind() + " does not sign with scheme " + w.scheme(),
                "a `" + b.kind() + "` sender needs `scheme: " + b.kind() + "`"));
  }

  /**
   * A public key is issued by the sender, never generated: a source declaring {@code keyType:
   * ed25519-public} whose secret entry has a generator would get a value of the wrong type.
   */
  private static Stream<Finding> keyType(Inventory inventory, WebhookEntry w, String entry) {
    if (!ED25519_PUBLIC.equals(w.options().get(KEY_TYPE))) {
      return Stream.empty();
    }
    return inventory
        .secret(w.secret())
        .filter(s -> s.generator() != null)
        .map(s ->
            Finding.error(
                entry,
                WEBHOOK,
                "keyType ed25519-public, but secret "
                    + s.name()
                    + " has generator "
                    + s.generator().type()
                    + ": keyturn would store a value that is not the sender's public key",
                "remove the generator: the sender issues the public key; store it as published"))
        .stream();
  }
}
