package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.TagDimension;
import dev.keyturn.inventory.WebhookEntry;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Exactly one known value per tag dimension; critical needs review; no orphans. */
final class TagRules {

  static final String TAGS = "tags";
  static final String CRITICAL_REVIEW = "critical-review";
  static final String ORPHAN = "orphan";

  private TagRules() {}

  static Stream<Finding> tags(Inventory inventory, LintContext context) {
    return inventory.secrets().stream()
        .filter(e -> e.name() != null)
        .flatMap(e ->
            Stream.of(TagDimension.values())
                .map(d -> tagFinding(e, d, vocabulary(inventory, d)))
                .filter(Objects::nonNull));
  }

  private static Finding tagFinding(SecretEntry e, TagDimension d, Collection<String> allowed) {
    List<String> given = e.tags().all(d);
    String key = d.key();
    if (given.isEmpty()) {
      return Finding.error(
          e.name(),
          TAGS,
          "missing tag " + key,
          "add `" + key + ": <one of " + join(allowed) + ">`");
    }
    if (given.size() > 1) {
      return Finding.error(
          e.name(),
          TAGS,
          "tag " + key + " has " + given.size() + " values; exactly one is allowed",
          "keep the primary one (the one paged if the token expired)");
    }
    if (!allowed.contains(given.getFirst())) {
      return Finding.error(
          e.name(),
          TAGS,
          "unknown " + key + " value `" + given.getFirst() + "`",
          "use one of " + join(allowed) + extendHint(d));
    }
    return null;
  }

  private static String extendHint(TagDimension d) {
    return switch (d) {
      case FUNCTION -> ", or add it under `functions:`";
      case CONSUMER -> ", or add it under `consumers:`";
      default -> "";
    };
  }

  private static Collection<String> vocabulary(Inventory inventory, TagDimension d) {
    return switch (d) {
      case FUNCTION -> Taxonomy.functions(inventory);
      case CONSUMER -> Taxonomy.consumers(inventory);
      case SENSITIVITY -> Taxonomy.SENSITIVITIES;
      case ROTATION -> Taxonomy.ROTATIONS;
    };
  }

  static Stream<Finding> criticalReview(Inventory inventory, LintContext context) {
    return inventory.secrets().stream()
        .filter(e -> e.name() != null)
        .filter(e -> e.tags().sensitivity().filter("critical"::equals).isPresent())
        .filter(e -> e.review() == null)
        .map(e ->
            Finding.error(
                e.name(),
                CRITICAL_REVIEW,
                "sensitivity critical without a recorded review",
                "add `review: <who reviewed it>` (no solo provisioning of critical tokens)"));
  }

  /**
   * Seed 002 step 5: no orphan tokens. An entry must be used: published by a sink, verified by a
   * webhook, or referenced where a consumer reads it ({@code references}). A consumer tag alone
   * names who would be paged, not where the token is read, so it does not count.
   */
  static Stream<Finding> orphan(Inventory inventory, LintContext context) {
    Set<String> webhookSecrets =
        inventory.webhooks().stream().map(WebhookEntry::secret).collect(Collectors.toSet());
    return inventory.secrets().stream()
        .filter(e -> e.name() != null)
        .filter(e -> e.sinks().isEmpty() && e.references().isEmpty())
        .filter(e -> !webhookSecrets.contains(e.name()))
        .map(e ->
            Finding.error(
                e.name(),
                ORPHAN,
                "no sink, no consumer reference and no webhook uses it",
                "add a sink, or `references:` naming where a consumer reads it (a CI workflow,"
                    + " a Terraform variables file, a config loader), or remove the entry"));
  }

  private static String join(Collection<String> values) {
    return String.join(", ", values);
  }
}
