package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.RepoFiles;
import dev.keyturn.inventory.lint.Finding;
import dev.keyturn.inventory.lint.LintContext;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.inventory.lint.OptionValidator;
import dev.keyturn.inventory.lint.Severity;
import dev.keyturn.inventory.parse.InventoryParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinterTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** Rejects negative lengths and unknown types, like the real generator registry does. */
  static final OptionValidator GENERATORS =
      (type, options) ->
          !List.of("random-password", "hmac-key", "jwt-rsa", "json-field", "heroku-authorization")
                  .contains(type)
              ? List.of("unknown generator type " + type)
              : options.getOrDefault("length", "1").startsWith("-")
                  ? List.of("length must be positive")
                  : List.of();

  static final OptionValidator SCHEMES =
      (scheme, options) ->
          List.of("stripe", "freescout", "github").contains(scheme)
              ? List.of()
              : List.of("unknown scheme " + scheme);

  final Linter linter = new Linter(new LintContext(NOW, GENERATORS, SCHEMES));

  LintReport lint(String yaml) {
    return linter.lint(InventoryParser.parse(yaml, "test.yaml"));
  }

  @Test
  void exampleInventory_passesWithoutErrors() {
    LintReport report =
        linter.lint(InventoryParser.parse(RepoFiles.resolve("examples/inventory.yaml")));

    assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.findings())
        .extracting(Finding::entry, Finding::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HK_PLATFORM_FULL", "least-privilege"));
  }

  @Test
  void brokenInventory_givesExactlyOneFindingPerRule() {
    LintReport report =
        linter.lint(InventoryParser.parse(Path.of("src/test/resources/inventory/broken.yaml")));

    Map<String, Long> perRule =
        report.findings().stream()
            .collect(Collectors.groupingBy(Finding::rule, Collectors.counting()));
    assertThat(perRule.keySet()).containsExactlyInAnyOrderElementsOf(Linter.RULE_IDS);
    assertThat(perRule.values()).allMatch(n -> n == 1L);
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void everyFinding_namesEntryRuleAndFix() {
    LintReport report =
        linter.lint(InventoryParser.parse(Path.of("src/test/resources/inventory/broken.yaml")));

    assertThat(report.findings())
        .allSatisfy(f -> {
          assertThat(f.entry()).isNotBlank();
          assertThat(f.rule()).isNotBlank();
          assertThat(f.message()).isNotBlank();
          assertThat(f.fix()).isNotBlank();
        });
  }

  @Test
  void everyFinding_carriesFileLineAndColumn() {
    LintReport report =
        linter.lint(InventoryParser.parse(Path.of("src/test/resources/inventory/broken.yaml")));

    assertThat(report.findings())
        .allSatisfy(f -> {
          assertThat(f.location()).as(f.rule()).isNotNull();
          assertThat(f.location().file()).isEqualTo("src/test/resources/inventory/broken.yaml");
          assertThat(f.location().line()).as(f.rule()).isGreaterThan(1);
        });
  }

  @Test
  void aFinding_pointsAtTheKeyItsRuleIsAbout() {
    String yaml =
        """
        version: 1
        secrets:
          - name: CF_DNS_EDIT
            source: {secretsManager: a}
            tags: {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
            environments: [prod]
            expiresAt: "next tuesday"
          - name: CF_DNS_EDIT
            source: {secretsManager: b}
            tags: {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
            environments: [prod]
        """;

    assertThat(lint(yaml).findings())
        .extracting(Finding::rule, f -> f.location().toString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("expiry", "test.yaml:7:5"),
            org.assertj.core.groups.Tuple.tuple("duplicate-name", "test.yaml:8:5"));
  }

  @Test
  void duplicateKeys_areAnError() {
    assertThat(lint("version: 2\nversion: 1\nsecrets: []\n").findings())
        .extracting(
            Finding::rule, Finding::severity, f -> f.location().toString(), Finding::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "schema",
                Severity.ERROR,
                "test.yaml:2:1",
                "duplicate key `version` (first at line 1)"));
  }

  @Test
  void name_rejectsUnknownVendor_untilDeclaredUnderVendors() {
    String entry =
        """
        secrets:
          - name: ZZ_THING_DO
            source: {secretsManager: a}
            tags: {function: notify, sensitivity: low, consumer: ci, rotation: 90d}
            environments: [prod]
        """;
    assertThat(lint("version: 1\n" + entry).findings())
        .extracting(Finding::rule)
        .containsExactly("name");
    assertThat(lint("version: 1\nvendors: [ZZ]\n" + entry).findings()).isEmpty();
  }

  @Test
  void companion_isAccepted_whenBaseExists() {
    String yaml =
        """
        version: 1
        secrets:
          - name: ALP_PAPER_TRADING
            source: {secretsManager: a}
            tags: {function: trading-paper, sensitivity: medium, consumer: raptor, rotation: 180d}
            environments: [prod]
          - name: ALP_PAPER_TRADING__KEY_ID
            source: {secretsManager: b}
            tags: {function: trading-paper, sensitivity: medium, consumer: raptor, rotation: 180d}
            environments: [prod]
        """;
    assertThat(lint(yaml).findings()).isEmpty();
  }

  @Test
  void tags_rejectSeveralValuesForOneDimension() {
    String yaml =
        """
        version: 1
        secrets:
          - name: CF_DNS_EDIT
            source: {secretsManager: a}
            tags: {function: dns-edit, sensitivity: high, consumer: [ci, terraform], rotation: 90d}
            environments: [prod]
        """;
    assertThat(lint(yaml).findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("tags");
          assertThat(f.message()).contains("consumer").contains("exactly one");
        });
  }

  @Test
  void tags_acceptExtendedFunctionVocabulary() {
    String yaml =
        """
        version: 1
        functions: [support-api]
        secrets:
          - name: CF_SUPPORT_API
            source: {secretsManager: a}
            tags: {function: support-api, sensitivity: high, consumer: raptor, rotation: 90d}
            environments: [prod]
        """;
    assertThat(lint(yaml).findings()).isEmpty();
    assertThat(lint(yaml.replace("functions: [support-api]\n", "")).findings())
        .extracting(Finding::rule)
        .containsExactly("tags");
  }

  @Test
  void expiry_warnsWithin14Days_andErrsOncePast() {
    String template =
        """
        version: 1
        secrets:
          - name: CF_DNS_EDIT
            source: {secretsManager: a}
            tags: {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
            environments: [prod]
            expiresAt: "%s"
        """;
    assertThat(lint(template.formatted("2026-12-01T00:00:00Z")).findings())
        .extracting(Finding::severity)
        .containsExactly(Severity.WARNING);
    assertThat(lint(template.formatted("2026-11-22T11:59:59Z")).findings())
        .extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
    assertThat(lint(template.formatted("2027-06-01T00:00:00Z")).findings()).isEmpty();
    assertThat(lint(template.formatted("non-expiring")).findings()).isEmpty();
    assertThat(lint(template.formatted("next tuesday")).findings())
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("expiry", Severity.ERROR));
  }

  @Test
  void duplicateSink_catchesPreviousVarCollidingWithAnotherEntrysVar() {
    String yaml =
        """
        version: 1
        secrets:
          - name: CF_ONE_TOKEN
            source: {secretsManager: a}
            tags: {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
            environments: [prod]
            sinks: [{heroku: {app: web, var: NEW, previousVar: OLD}}]
          - name: CF_TWO_TOKEN
            source: {secretsManager: b}
            tags: {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
            environments: [prod]
            sinks: [{heroku: {app: web, var: OLD}}]
        """;
    assertThat(lint(yaml).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("CF_ONE_TOKEN").contains("OLD"));
  }

  @Test
  void sourcePerEnv_refusesOneSourceForSeveralEnvironments_andAcceptsOnePerEnvironment() {
    String single =
        """
        version: 1
        secrets:
          - name: PM_SERVER_MAIL
            source: {secretsManager: a}
            tags: {function: mail-send, sensitivity: high, consumer: raptor, rotation: 90d}
            environments: [prod, staging]
            sinks: [{heroku: {app: raptor, var: POSTMARK}}]
        """;
    String perEnv =
        """
        version: 1
        secrets:
          - name: PM_SERVER_MAIL
            source: {prod: {secretsManager: a}, staging: {secretsManager: b}}
            tags: {function: mail-send, sensitivity: high, consumer: raptor, rotation: 90d}
            environments: [prod, staging]
            sinks:
              - heroku: {app: raptor, var: POSTMARK, env: prod}
              - heroku: {app: raptor-staging, var: POSTMARK, env: staging}
        """;

    assertThat(lint(single).findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("env-source-per-env");
          assertThat(f.fix()).contains("prod: {...}, staging: {...}");
        });
    assertThat(lint(perEnv).findings()).isEmpty();
  }

  @Test
  void sourcePerEnv_namesAMissingSource_anUnlistedOne_andASinkWithoutEnv() {
    String yaml =
        """
        version: 1
        secrets:
          - name: PM_SERVER_MAIL
            source: {prod: {secretsManager: a}, dev: {secretsManager: b}}
            tags: {function: mail-send, sensitivity: high, consumer: raptor, rotation: 90d}
            environments: [prod, staging]
            sinks:
              - heroku: {app: raptor, var: POSTMARK}
              - heroku: {app: raptor-staging, var: POSTMARK, env: staging}
        """;

    assertThat(lint(yaml).findings())
        .filteredOn(f -> f.rule().equals("env-source-per-env"))
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "listed in staging but has no staging source",
            "has a dev source but is not listed in dev",
            "sink heroku raptor POSTMARK does not say which environment's value it publishes",
            "sink heroku raptor-staging POSTMARK publishes staging, which has no source");
  }

  @Test
  void accountScope_refusesAStagingSource_butLetsStagingSinksReadProd() {
    String yaml =
        """
        version: 1
        secrets:
          - name: CF_DNS_EDIT
            scope: account
            source: {prod: {secretsManager: a}%s}
            tags: {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
            environments: [prod]
            sinks:
              - github: {repo: raxx/infra, environment: staging, var: CF_TOKEN, env: staging}
        """;

    assertThat(lint(yaml.formatted("")).findings()).isEmpty();
    assertThat(lint(yaml.formatted(", staging: {secretsManager: b}")).findings())
        .extracting(Finding::rule, Finding::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "env-account-prod-only", "account-wide token has a source outside prod [staging]"));
  }

  @Test
  void clientVisible_refusesEveryFrontEndPublicPrefix_onAnyKindOfSink() {
    String yaml =
        """
        version: 1
        secrets:
          - name: STR_BILLING_READ
            source: {secretsManager: a}
            tags: {function: billing-read, sensitivity: high, consumer: raptor, rotation: 90d}
            environments: [prod]
            sinks:
              - heroku: {app: web, var: NEXT_PUBLIC_STRIPE}
              - dotenv: {file: .env, var: VITE_STRIPE}
              - github: {repo: raxx/web, var: REACT_APP_STRIPE}
              - cloudflare: {account: a1, script: web, var: PUBLIC_STRIPE}
              - heroku: {app: mobile, var: STRIPE, previousVar: EXPO_PUBLIC_STRIPE}
              - heroku: {app: api, var: STRIPE_SECRET_KEY}
        """;

    assertThat(lint(yaml).findings())
        .allSatisfy(f -> assertThat(f.rule()).isEqualTo("client-visible-sink"))
        .extracting(Finding::message)
        .hasSize(5)
        .noneMatch(m -> m.contains("STRIPE_SECRET_KEY"));
  }
}
