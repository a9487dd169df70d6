package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.RepoFiles;
import dev.keyturn.inventory.lint.Finding;
import dev.keyturn.inventory.lint.LintContext;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.inventory.lint.OptionValidator;
import dev.keyturn.inventory.lint.Severity;
import dev.keyturn.inventory.lint.Taxonomy;
import dev.keyturn.inventory.parse.InventoryParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** examples/token-index.yaml: seed 002's token index as an inventory. */
class TokenIndexTest {

  static final Inventory INDEX =
      InventoryParser.parse(RepoFiles.resolve("examples/token-index.yaml")).requireValid();

  /** Known types with their required options, as core's table declares them. */
  static final OptionValidator KNOWN_TYPES =
      (type, options) ->
          GeneratorTypes.find(type).isEmpty()
              ? List.of("unknown generator type " + type)
              : GeneratorTypes.missingOptions(type, options);

  @Test
  void lintsWithoutErrors_andOnlyTheFullTokenWarns() {
    var report =
        new Linter(new LintContext(Instant.parse("2026-12-01T00:00:00Z"), KNOWN_TYPES, null))
            .lint(InventoryParser.parse(RepoFiles.resolve("examples/token-index.yaml")));

    assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    assertThat(report.findings())
        .extracting(Finding::entry, Finding::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HK_PLATFORM_FULL", "least-privilege"));
  }

  @Test
  void holdsEveryTokenOfTheSeed_underItsProposedName() {
    assertThat(INDEX.secrets())
        .extracting(SecretEntry::name)
        .containsExactlyInAnyOrder(
            "CF_DNS_EDIT_RAXX_APP",
            "CF_DNS_EDIT_GETRAXX_COM",
            "CF_WAF_EDIT_RAXX_APP",
            "CF_PAGES_DEPLOY",
            "CF_ACCESS_MGMT",
            "CF_ACCESS_SVC_VAULT",
            "CF_ACCESS_SVC_CONSOLE",
            "HK_PLATFORM_FULL",
            "PM_SERVER_MAIL",
            "PM_ACCOUNT_MGMT",
            "AWS_INFISICAL_BOOTSTRAP",
            "AWS_BILLING_READ",
            "ANT_CLAUDE_SDK",
            "GH_READONLY",
            "GH_APP_DEV_BOT",
            "GH_APP_OPS_BOT",
            "GH_APP_PM_BOT",
            "STR_BILLING_WRITE",
            "ALP_PAPER_TRADING",
            "ALP_LIVE_TRADING",
            "INF_SVC_DISPATCHER",
            "SL_BOT_NOTIFY",
            "DH_DNS_MGMT",
            "DYN_DNS_UPDATE");
  }

  @Test
  void environments_followSection3() {
    Map<String, List<String>> notProdOnly =
        INDEX.secrets().stream()
            .filter(e -> !e.environments().equals(List.of("prod")))
            .collect(Collectors.toMap(SecretEntry::name, SecretEntry::environments));

    assertThat(notProdOnly)
        .containsOnly(
            Map.entry("CF_ACCESS_SVC_VAULT", List.of("prod", "staging")),
            Map.entry("CF_ACCESS_SVC_CONSOLE", List.of("prod", "staging")),
            Map.entry("HK_PLATFORM_FULL", List.of("prod", "staging")),
            Map.entry("PM_SERVER_MAIL", List.of("prod", "staging")),
            Map.entry("ALP_PAPER_TRADING", List.of("prod", "staging")),
            Map.entry("STR_BILLING_WRITE", List.of("prod", "dev")));
    // rule 1: different values per environment, so one source each
    assertThat(notProdOnly.keySet())
        .allSatisfy(name -> {
          SecretEntry e = INDEX.secret(name).orElseThrow();
          assertThat(e.sources().keySet())
              .as(name)
              .containsExactlyInAnyOrderElementsOf(e.environments());
          assertThat(e.allSources()).as(name).hasSize(e.environments().size());
        });
  }

  @Test
  void everyEntryHasAMode_andNoneCanBeRotatedToAValueTheVendorDidNotIssue() {
    Map<RotationMode, List<String>> byMode =
        INDEX.secrets().stream()
            .collect(
                Collectors.groupingBy(
                    SecretEntry::mode, Collectors.mapping(SecretEntry::name, Collectors.toList())));

    assertThat(byMode.get(RotationMode.VENDOR))
        .containsExactlyInAnyOrder("HK_PLATFORM_FULL", "AWS_INFISICAL_BOOTSTRAP");
    assertThat(byMode.get(RotationMode.OPERATOR)).hasSize(22);
    assertThat(byMode).doesNotContainKeys(RotationMode.GENERATED, RotationMode.NONE);
    // every token of the index is a vendor-issued credential but one (Slack's notify), and no
    // entry of any function has a generator that invents its value
    assertThat(INDEX.secrets())
        .filteredOn(e -> !Taxonomy.VENDOR_ISSUED_FUNCTIONS.contains(e.tags().function().get()))
        .extracting(SecretEntry::name)
        .containsExactly("SL_BOT_NOTIFY");
    assertThat(INDEX.secrets()).noneMatch(e -> e.mode() == RotationMode.GENERATED);
  }
}
