package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.WebhookEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** A name, a sink target or a webhook source may appear once. */
final class DuplicateRules {

  static final String DUPLICATE_NAME = "duplicate-name";
  static final String DUPLICATE_SINK = "duplicate-sink";

  private DuplicateRules() {}

  static Stream<Finding> names(Inventory inventory, LintContext context) {
    Map<String, Integer> seen = new HashMap<>();
    return inventory.secrets().stream()
        .map(SecretEntry::name)
        .filter(Objects::nonNull)
        .filter(n -> seen.merge(n, 1, Integer::sum) == 2)
        .map(n ->
            Finding.error(
                n, DUPLICATE_NAME, "name appears more than once", "merge or rename the entries"));
  }

  /** Two entries (or two sinks of one) writing the same target and var would fight. */
  static Stream<Finding> sinks(Inventory inventory, LintContext context) {
    Map<String, String> owner = new HashMap<>();
    return inventory.secrets().stream()
        .filter(e -> e.name() != null)
        .flatMap(e -> targets(e).map(t -> duplicate(owner, t, e.name())))
        .filter(Objects::nonNull);
  }

  private static Stream<String> targets(SecretEntry e) {
    return e.sinks().stream()
        .flatMap(s ->
            Stream.of(s.var(), s.previousVar())
                .filter(Objects::nonNull)
                .map(var -> describe(s) + " var " + var))
        .distinct();
  }

  private static String describe(Sink s) {
    return switch (s) {
      case Sink.Heroku h -> "heroku app " + h.app();
      case Sink.Dotenv d -> "dotenv " + d.file();
      case Sink.Github g ->
          "github " + g.repo() + (g.environment() == null ? "" : " environment " + g.environment());
      case Sink.Cloudflare c -> "cloudflare worker " + c.account() + "/" + c.script();
    };
  }

  private static Finding duplicate(Map<String, String> owner, String target, String name) {
    String first = owner.putIfAbsent(target, name);
    if (first == null) {
      return null;
    }
    return Finding.error(
        name,
        DUPLICATE_SINK,
        target + " is already written by " + first,
        "give each entry its own target");
  }

  static Stream<Finding> webhookSources(Inventory inventory, LintContext context) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> sources =
        inventory.webhooks().stream().map(WebhookEntry::source).filter(Objects::nonNull).toList();
    return sources.stream()
        .filter(s -> seen.merge(s, 1, Integer::sum) == 2)
        .map(s ->
            Finding.error(
                "webhook " + s,
                ReferenceRules.WEBHOOK,
                "webhook source appears more than once",
                "each /webhooks/{source} path needs one entry"));
  }
}
