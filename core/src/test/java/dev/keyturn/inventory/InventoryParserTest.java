package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.RepoFiles;
import dev.keyturn.inventory.parse.EntryCodec;
import dev.keyturn.inventory.parse.InvalidInventoryException;
import dev.keyturn.inventory.parse.InventoryFileException;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.inventory.parse.Position;
import dev.keyturn.inventory.parse.SchemaProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InventoryParserTest {

  @Test
  void parse_readsEveryFieldOfTheExample() {
    Inventory inv =
        InventoryParser.parse(RepoFiles.resolve("examples/inventory.yaml")).requireValid();

    SecretEntry webhook = inv.secret("FS_SUPPORT_WEBHOOK").orElseThrow();
    assertThat(webhook.source())
        .isEqualTo(new Source.SecretsManager("keyturn/prod/freescout-support-webhook-secret"));
    assertThat(webhook.generator())
        .isEqualTo(new GeneratorSpec("hmac-key", java.util.Map.of("format", "hex")));
    assertThat(webhook.sinks())
        .containsExactly(
            new Sink.Heroku("raxx-raptor-prod", "FREESCOUT_SUPPORT_WEBHOOK_SECRET", null),
            new Sink.Dotenv(".env.local", "FREESCOUT_SUPPORT_WEBHOOK_SECRET"));
    SecretEntry paper = inv.secret("ALP_PAPER_TRADING").orElseThrow();
    assertThat(paper.sinks())
        .contains(
            new Sink.Heroku("raxx-raptor-prod", "ALPACA_PAPER_API_KEY_ID", null, "key_id", "prod"),
            new Sink.Heroku(
                "raxx-raptor-staging",
                "ALPACA_PAPER_API_SECRET_KEY",
                null,
                "secret_key",
                "staging"));
    assertThat(paper.sourceFor("staging"))
        .isEqualTo(new Source.SecretsManager("keyturn/staging/alp-paper-trading"));
    assertThat(paper.source())
        .as("prod's, for rotation and status")
        .isEqualTo(paper.sourceFor("prod"));
    assertThat(inv.secret("CF_DNS_EDIT_RAXX_APP").orElseThrow().sinks())
        .contains(new Sink.Github("raxx/infra", "staging", "CF_DNS_EDIT_TOKEN", null, null, null));
    assertThat(inv.secret("FS_SUPPORT_API").orElseThrow().source())
        .isEqualTo(new Source.SsmParameter("/keyturn/prod/freescout-api-token"));
    assertThat(inv.secret("CF_DNS_EDIT_RAXX_APP").orElseThrow().scopes()).hasSize(2);
    assertThat(inv.webhooks())
        .containsExactly(
            new WebhookEntry(
                "freescout", "freescout", "FS_SUPPORT_WEBHOOK", null, java.util.Map.of()));
    assertThat(inv.vendors()).contains("FS", "RX");
  }

  @Test
  void parse_collectsEveryStructuralProblemWithItsPath() {
    ParsedInventory parsed =
        InventoryParser.parse(
            """
            version: 2
            secrets:
              - name: CF_X
                source: {secretsManager: a, ssmParameter: /b}
                sinks:
                  - heroku: {app: web}
                  - nowhere: {}
            """,
            "inline");

    assertThat(parsed.problems())
        .extracting(SchemaProblem::path)
        .contains(
            "version",
            "secrets[0].source",
            "secrets[0].sinks[0].heroku.var",
            "secrets[0].sinks[1]");
    assertThatThrownBy(parsed::requireValid)
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("inline");
  }

  @Test
  void parse_reportsBrokenYaml_asAProblemWithItsLineAndColumn() {
    ParsedInventory parsed = InventoryParser.parse("version: 1\nsecrets: [\n  - : :", "bad.yaml");

    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.message()).startsWith("not valid YAML: ").doesNotContain("\n");
          assertThat(p.position()).isNotNull();
          assertThat(p.position().line()).isEqualTo(3);
        });
    assertThatThrownBy(parsed::requireValid)
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("bad.yaml");
  }

  @Test
  void parse_ofAMissingFile_namesThePath() {
    assertThatThrownBy(() -> InventoryParser.parse(Path.of("does/not/exist.yaml")))
        .isInstanceOf(InventoryFileException.class)
        .hasMessage("no such file: does/not/exist.yaml");
  }

  @Test
  void duplicateKeys_areAProblem_atTheSecondKey() {
    ParsedInventory parsed =
        InventoryParser.parse("version: 2\nversion: 1\nsecrets: []\n", "d.yaml");

    assertThat(parsed.problems())
        .extracting(SchemaProblem::path, SchemaProblem::message, SchemaProblem::position)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "version", "duplicate key `version` (first at line 1)", new Position(2, 1)));
  }

  @Test
  void anchorsAndAliases_areExpanded_mergeKeysToo() {
    Inventory inv =
        InventoryParser.parse(
                """
                version: 1
                secrets:
                  - name: CF_ONE_TOKEN
                    source: {secretsManager: a}
                    tags: &common {function: dns-edit, sensitivity: high, consumer: ci, rotation: 90d}
                    environments: &envs [prod]
                  - name: CF_TWO_TOKEN
                    source: {secretsManager: b}
                    tags: *common
                    environments: *envs
                  - name: CF_THREE_TOKEN
                    source: {secretsManager: c}
                    tags: {<<: *common, rotation: 30d}
                    environments: *envs
                """,
                "aliases.yaml")
            .requireValid();

    SecretEntry one = inv.secret("CF_ONE_TOKEN").orElseThrow();
    SecretEntry two = inv.secret("CF_TWO_TOKEN").orElseThrow();
    SecretEntry three = inv.secret("CF_THREE_TOKEN").orElseThrow();
    assertThat(two.tags()).isEqualTo(one.tags());
    assertThat(two.environments()).containsExactly("prod");
    assertThat(three.tags().all(TagDimension.ROTATION)).containsExactly("30d");
    assertThat(three.tags().all(TagDimension.CONSUMER)).containsExactly("ci");
  }

  @Test
  void aliasExpansion_isCapped_soABillionLaughsDocumentIsRefusedQuickly() {
    StringBuilder yaml = new StringBuilder("version: 1\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 6; level++) {
      String alias = "*l" + (level - 1);
      yaml.append("l").append(level).append(": &l").append(level).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(8, alias))).append("]\n");
    }

    ParsedInventory parsed = InventoryParser.parse(yaml.toString(), "laughs.yaml");

    assertThat(parsed.problems())
        .extracting(SchemaProblem::message)
        .anySatisfy(m -> assertThat(m).contains("aliases expand to more than 10000 nodes"));
  }

  @Test
  void tooManyAliasesOfCollections_areRefused() {
    StringBuilder yaml = new StringBuilder("version: 1\na: &a [x]\nb: [");
    yaml.append(String.join(", ", java.util.Collections.nCopies(60, "*a"))).append("]\n");

    assertThat(InventoryParser.parse(yaml.toString(), "many.yaml").problems())
        .extracting(SchemaProblem::message)
        .containsExactly(
            "more than 50 aliases of lists or mappings (refusing a billion-laughs document)");
  }

  @Test
  void anUnknownKey_suggestsTheNearestKnownOne() {
    ParsedInventory parsed =
        InventoryParser.parse(
            """
            version: 1
            secrets:
              - name: CF_ONE_TOKEN
                source: {secretsManager: a}
                enviroments: [prod]
            """,
            "typo.yaml");

    assertThat(parsed.problems())
        .extracting(SchemaProblem::path, SchemaProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "secrets[0].enviroments",
                "unknown key `enviroments` (did you mean `environments`?)"));
    assertThat(parsed.positions().locate("secrets[0].enviroments")).contains(new Position(5, 5));
  }

  @Test
  void plainScalars_stayTextUnlessTheyAreYaml12NumbersBooleansOrNull() {
    Inventory inv =
        InventoryParser.parse(
                """
                version: 1
                secrets:
                  - name: CF_ONE_TOKEN
                    source: {secretsManager: on}
                    scope: no
                    generator: {type: random-password, length: 32, exclude: 0x1F}
                """,
                "scalars.yaml")
            .requireValid();

    SecretEntry e = inv.secret("CF_ONE_TOKEN").orElseThrow();
    assertThat(e.source()).isEqualTo(new Source.SecretsManager("on"));
    assertThat(e.scope()).isEqualTo("no");
    assertThat(e.generator().options())
        .containsEntry("length", "32")
        .containsEntry("exclude", "0x1F");
  }

  @Test
  void entryCodec_roundTripsEveryExampleEntry() {
    Inventory inv =
        InventoryParser.parse(RepoFiles.resolve("examples/inventory.yaml")).requireValid();

    for (SecretEntry e : inv.secrets()) {
      assertThat(EntryCodec.read(EntryCodec.write(e))).isEqualTo(e);
    }
  }

  @Test
  void parse_readsOneSourcePerEnvironment_andEveryKindOfSink() {
    Inventory inv =
        InventoryParser.parse(
                """
                version: 1
                secrets:
                  - name: PM_SERVER_MAIL
                    environments: [prod, staging]
                    source:
                      prod: {secretsManager: keyturn/prod/pm}
                      staging: {ssmParameter: /keyturn/staging/pm}
                    sinks:
                      - github: {repo: raxx/raptor, environment: production, var: PM_TOKEN, env: prod}
                      - github: {repo: raxx/raptor, var: PM_TOKEN_REPO, previousVar: PM_OLD, env: prod}
                      - cloudflare: {account: acc123, script: mailer, var: PM_TOKEN, env: staging}
                """,
                "inline")
            .requireValid();

    SecretEntry e = inv.secret("PM_SERVER_MAIL").orElseThrow();
    assertThat(e.sources())
        .containsOnlyKeys("prod", "staging")
        .containsEntry("staging", new Source.SsmParameter("/keyturn/staging/pm"));
    assertThat(e.allSources()).hasSize(2);
    assertThat(e.sinks())
        .extracting(Sink::target)
        .containsExactly(
            "github:raxx/raptor@production", "github:raxx/raptor", "cloudflare:acc123/mailer");
    assertThat(e.sinks().get(1).previousVar()).isEqualTo("PM_OLD");
    assertThat(EntryCodec.read(EntryCodec.write(e))).isEqualTo(e);
  }

  @Test
  void sourceFor_readsProdForAnAccountWideEntry_inEveryEnvironment() {
    Inventory inv =
        InventoryParser.parse(
                """
                version: 1
                secrets:
                  - name: CF_DNS_EDIT
                    scope: account
                    environments: [prod]
                    source: {prod: {secretsManager: keyturn/prod/cf}}
                  - name: PM_SERVER_MAIL
                    environments: [prod, staging]
                    source:
                      prod: {secretsManager: keyturn/prod/pm}
                      staging: {secretsManager: keyturn/staging/pm}
                """,
                "inline")
            .requireValid();

    assertThat(inv.secret("CF_DNS_EDIT").orElseThrow().sourceFor("staging"))
        .isEqualTo(new Source.SecretsManager("keyturn/prod/cf"));
    assertThat(inv.secret("PM_SERVER_MAIL").orElseThrow().sourceFor("staging"))
        .isEqualTo(new Source.SecretsManager("keyturn/staging/pm"));
    assertThat(inv.secret("PM_SERVER_MAIL").orElseThrow().sourceFor("dev")).isNull();
  }

  @Test
  void parse_refusesGithubSinks_withABadRepoOrSecretName() {
    ParsedInventory parsed =
        InventoryParser.parse(
            """
            version: 1
            secrets:
              - name: CF_X
                source: {secretsManager: a}
                sinks:
                  - github: {repo: not-a-repo, var: OK}
                  - github: {repo: raxx/raptor, var: GITHUB_TOKEN_COPY}
                  - cloudflare: {account: acc, var: X}
            """,
            "inline");

    assertThat(parsed.problems())
        .extracting(SchemaProblem::path)
        .containsExactly(
            "secrets[0].sinks[0].github.repo",
            "secrets[0].sinks[1].github.var",
            "secrets[0].sinks[2].cloudflare.script");
  }

  @Test
  void generatorOptions_areSiblingKeysOfType() {
    Inventory inv =
        InventoryParser.parse(
                """
                version: 1
                secrets:
                  - name: CF_X_Y
                    source: {secretsManager: a}
                    generator: {type: json-field, fields: [key_id, secret_key], length: 40}
                """,
                "inline")
            .requireValid();

    assertThat(inv.secret("CF_X_Y").orElseThrow().generator().options())
        .containsEntry("fields", "key_id,secret_key")
        .containsEntry("length", "40");
  }
}
