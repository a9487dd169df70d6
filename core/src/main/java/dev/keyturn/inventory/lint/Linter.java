package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.inventory.parse.SchemaProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
          ModeRules::companionsRequired,
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
          ModeRules::vendorIssued,
          ReferenceRules::webhooks);

  /** Every rule id this linter can report, for documentation and tests. */
  public static final List<String> RULE_IDS =
      List.of(
          SCHEMA,
          NamingRules.NAME,
          NamingRules.COMPANION,
          NamingRules.LEAST_PRIVILEGE,
          ModeRules.COMPANION_REQUIRED,
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
          ModeRules.VENDOR_ISSUED,
          ReferenceRules.WEBHOOK);

  private final LintContext context;

  public Linter(LintContext context) {
    this.context = context;
  }

  public LintReport lint(ParsedInventory parsed) {
    List<Finding> findings = new ArrayList<>();
    for (SchemaProblem p : parsed.problems()) {
      findings.add(
          Finding.error(
              p.path().isEmpty() ? parsed.origin() : p.path(),
              SCHEMA,
              p.message(),
              "see examples/inventory.yaml for the expected shape"));
    }
    for (LintRule rule : RULES) {
      rule.check(parsed.inventory(), context).forEach(findings::add);
    }
    findings.sort(Comparator.comparing(Finding::severity));
    return new LintReport(findings);
  }
}
