package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.RepoFiles;
import dev.keyturn.inventory.parse.EntryCodec;
import dev.keyturn.inventory.parse.InvalidInventoryException;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
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
    assertThat(inv.secret("CF_DNS_EDIT_RAXX_APP").orElseThrow().references())
        .containsExactly("terraform/cloudflare/variables.tf");
    assertThat(inv.functions()).contains("support-api", "webhook-verify", "jwt-signing");
    assertThat(inv.vendorIssuedFunctions()).containsExactly("support-api");
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
  void parse_namesTheLine_whenYamlIsBroken() {
    assertThatThrownBy(() -> InventoryParser.parse("version: 1\nsecrets: [\n  - : :", "bad.yaml"))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("line");
  }

  @Test
  void parse_reportsMissingFile_withoutStackTrace() {
    assertThatThrownBy(() -> InventoryParser.parse(Path.of("does/not/exist.yaml")))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("file not found");
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
