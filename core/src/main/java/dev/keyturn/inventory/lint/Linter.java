package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.inventory.parse.Position;
import dev.keyturn.inventory.parse.SchemaProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies every taxonomy rule of the vault token taxonomy to an inventory. Structural problems of
 * the file come first as {@code schema} findings.
 */
public final class Linter {

  public static final String SCHEMA = "schema";

  private static final List<LintRule> RULES =
      List.of(
          NamingRules::name,
          NamingRules::companion,
          NamingRules::leastPrivilege,
          TagRules::tags,
          TagRules::criticalReview,
          TagRules::orphan,
          EnvironmentRules::liveNotInStaging,
          EnvironmentRules::accountScopeProdOnly,
          EnvironmentRules::devNeedsAnalog,
          EnvironmentRules::sourcePerEnvironment,
          ExposureRules::clientVisible,
          ExpiryRule::expiry,
          DuplicateRules::names,
          DuplicateRules::sinks,
          DuplicateRules::webhookSources,
          ReferenceRules::generators,
          ReferenceRules::webhooks);

  /** Every rule id this linter can report, for documentation and tests. */
  public static final List<String> RULE_IDS =
      List.of(
          SCHEMA,
          NamingRules.NAME,
          NamingRules.COMPANION,
          NamingRules.LEAST_PRIVILEGE,
          TagRules.TAGS,
          TagRules.CRITICAL_REVIEW,
          TagRules.ORPHAN,
          EnvironmentRules.LIVE_IN_STAGING,
          EnvironmentRules.ACCOUNT_PROD_ONLY,
          EnvironmentRules.DEV_ANALOG,
          EnvironmentRules.SOURCE_PER_ENV,
          ExposureRules.CLIENT_VISIBLE,
          ExpiryRule.EXPIRY,
          DuplicateRules.DUPLICATE_NAME,
          DuplicateRules.DUPLICATE_SINK,
          ReferenceRules.GENERATOR,
          ReferenceRules.WEBHOOK);

  /** The key of an entry each rule is about, so its finding points there. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry(NamingRules.NAME, "name"),
          Map.entry(NamingRules.COMPANION, "name"),
          Map.entry(NamingRules.LEAST_PRIVILEGE, "name"),
          Map.entry(TagRules.TAGS, "tags"),
          Map.entry(TagRules.CRITICAL_REVIEW, "tags"),
          Map.entry(TagRules.ORPHAN, "name"),
          Map.entry(EnvironmentRules.LIVE_IN_STAGING, "environments"),
          Map.entry(EnvironmentRules.ACCOUNT_PROD_ONLY, "scope"),
          Map.entry(EnvironmentRules.DEV_ANALOG, "environments"),
          Map.entry(ExpiryRule.EXPIRY, "expiresAt"),
          Map.entry(DuplicateRules.DUPLICATE_NAME, "name"),
          Map.entry(DuplicateRules.DUPLICATE_SINK, "sinks"),
          Map.entry(ReferenceRules.GENERATOR, "generator"));

  private final LintContext context;

  public Linter(LintContext context) {
    this.context = context;
  }

  public LintReport lint(ParsedInventory parsed) {
    List<Finding> findings = new ArrayList<>();
    for (SchemaProblem p : parsed.problems()) {
      Position at =
          p.position() != null ? p.position() : parsed.positions().locate(p.path()).orElse(null);
      findings.add(
          Finding.error(
                  p.path().isEmpty() ? parsed.origin() : p.path(),
                  SCHEMA,
                  p.message(),
                  "see examples/inventory.yaml for the expected shape")
              .at(location(parsed, at)));
    }
    for (LintRule rule : RULES) {
      rule.check(parsed.inventory(), context)
          .map(f -> f.at(location(parsed, locate(parsed, f))))
          .forEach(findings::add);
    }
    findings.sort(Comparator.comparing(Finding::severity));
    return new LintReport(findings);
  }

  /**
   * A rule's finding points at the key it is about ({@link #FIELDS}) in its entry, else at the
   * entry; a duplicate at its second occurrence.
   */
  private static Position locate(ParsedInventory parsed, Finding f) {
    boolean duplicate =
        DuplicateRules.DUPLICATE_NAME.equals(f.rule())
            || DuplicateRules.DUPLICATE_SINK.equals(f.rule());
    return parsed
        .positions()
        .entryPath(f.entry(), duplicate)
        .map(path -> FIELDS.containsKey(f.rule()) ? path + "." + FIELDS.get(f.rule()) : path)
        .flatMap(path -> parsed.positions().locate(path))
        .or(() -> parsed.positions().locate(""))
        .orElse(null);
  }

  private static Location location(ParsedInventory parsed, Position at) {
    return at == null ? null : new Location(parsed.origin(), at.line(), at.column());
  }
}
