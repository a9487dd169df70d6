package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.lint.Finding;
import dev.keyturn.inventory.lint.LintContext;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.inventory.lint.OptionValidator;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.inventory.parse.SchemaProblem;
import dev.keyturn.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sender:} binding of a webhook entry: parsing, its problems, lint and stored form. */
class SenderBindingTest {

  static final String HOOK_ID = "01234567-89ab-4def-8123-456789abcdef";

  static ParsedInventory parse(String sender) {
    return InventoryParser.parse(
        """
        version: 1
        secrets:
          - name: RX_HOOK
            source: {secretsManager: keyturn/prod/rx-hook}
        webhooks:
          - source: rx-heroku
            scheme: heroku
            secret: RX_HOOK
        %s
        """
            .formatted(sender.indent(4).stripTrailing()),
        "test.yaml");
  }

  static List<String> problems(ParsedInventory parsed) {
    return parsed.problems().stream().map(SchemaProblem::toString).toList();
  }

  @Test
  void parse_readsAHerokuAppWebhookSender() {
    ParsedInventory parsed =
        parse("sender: {heroku: {app: raxx-raptor-prod, webhookId: " + HOOK_ID + "}}");

    assertThat(parsed.problems()).isEmpty();
    WebhookEntry entry = parsed.inventory().webhook("rx-heroku").orElseThrow();
    assertThat(entry.sender()).isEqualTo(new SenderBinding.Heroku("raxx-raptor-prod", HOOK_ID));
    assertThat(entry.sender().target()).isEqualTo("heroku:raxx-raptor-prod/" + HOOK_ID);
    assertThat(entry.options()).as("the sender is not a scheme option").isEmpty();
  }

  @Test
  void parse_readsAGithubRepositoryWebhookSender_withAnIdBeyondInt() {
    ParsedInventory parsed = parse("sender: {github: {repo: raxx/raptor, hookId: 5000000000}}");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.inventory().webhook("rx-heroku").orElseThrow().sender())
        .isEqualTo(new SenderBinding.Github("raxx/raptor", 5_000_000_000L));
  }

  @Test
  void parse_withoutSender_hasNoBinding() {
    ParsedInventory parsed = parse("");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.inventory().webhook("rx-heroku").orElseThrow().senderBinding()).isEmpty();
  }

  @Test
  void parse_refusesBothSenders_namingTheEntry() {
    ParsedInventory parsed =
        parse(
            "sender: {heroku: {app: a, webhookId: "
                + HOOK_ID
                + "}, github: {repo: o/r, hookId: 1}}");

    assertThat(problems(parsed))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("webhooks[0].sender: webhook rx-heroku: sender names both");
    assertThat(parsed.inventory().webhook("rx-heroku").orElseThrow().sender()).isNull();
  }

  @Test
  void parse_refusesAnEmptySenderAndUnknownKeys() {
    assertThat(problems(parse("sender: {}")))
        .containsExactly(
            "webhooks[0].sender: webhook rx-heroku: sender names no sender: give exactly one of"
                + " `heroku: {app, webhookId}` or `github: {repo, hookId}`");
    assertThat(problems(parse("sender: {heroku: {app: a, webhookId: " + HOOK_ID + ", url: x}}")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("webhooks[0].sender.heroku.url: unknown key `url`");
    assertThat(problems(parse("sender: {slack: {channel: x}}")))
        .anyMatch(p -> p.startsWith("webhooks[0].sender.slack: unknown key `slack`"));
  }

  @Test
  void parse_namesEveryMissingOrMalformedField() {
    assertThat(problems(parse("sender: {heroku: {app: a}}")))
        .containsExactly("webhooks[0].sender.heroku.webhookId: webhook rx-heroku: is required");
    assertThat(problems(parse("sender: {heroku: {app: a, webhookId: 42}}")))
        .containsExactly(
            "webhooks[0].sender.heroku.webhookId: webhook rx-heroku: must be the app webhook's id"
                + " (a UUID)");
    assertThat(problems(parse("sender: {github: {hookId: 3}}")))
        .containsExactly("webhooks[0].sender.github.repo: webhook rx-heroku: is required");
    assertThat(problems(parse("sender: {github: {repo: raxx}}")))
        .containsExactly(
            "webhooks[0].sender.github.repo: webhook rx-heroku: must be `owner/name`",
            "webhooks[0].sender.github.hookId: webhook rx-heroku: is required");
    assertThat(problems(parse("sender: {github: {repo: o/r, hookId: abc}}")))
        .containsExactly(
            "webhooks[0].sender.github.hookId: webhook rx-heroku: must be the hook's id (a"
                + " positive whole number)");
  }

  @Test
  void lint_refusesASenderThatDoesNotSignWithTheEntrysScheme() {
    OptionValidator any = (type, options) -> List.of();
    Linter linter = new Linter(new LintContext(Instant.EPOCH, any, any));

    LintReport report = linter.lint(parse("sender: {github: {repo: o/r, hookId: 7}}"));

    assertThat(report.findings())
        .filteredOn(f -> f.message().contains("sender"))
        .extracting(Finding::entry, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "webhook rx-heroku", "sender github does not sign with scheme heroku"));
    assertThat(
            linter.lint(parse("sender: {heroku: {app: a, webhookId: " + HOOK_ID + "}}")).findings())
        .noneMatch(f -> f.message().contains("sender"));
  }

  @Test
  void storedForm_roundTrips_andAnEntryWithoutSenderKeepsItsFormerJson() {
    WebhookEntry heroku =
        new WebhookEntry(
            "h", "heroku", "S", null, Map.of(), new SenderBinding.Heroku("app", HOOK_ID));
    WebhookEntry github =
        new WebhookEntry(
            "g", "github", "S", 300, Map.of("k", "v"), new SenderBinding.Github("o/r", 9L));
    WebhookEntry none = new WebhookEntry("f", "freescout", "S", null, Map.of());

    for (WebhookEntry e : List.of(heroku, github, none)) {
      assertThat(Json.read(Json.write(e), WebhookEntry.class)).isEqualTo(e);
    }
    assertThat(Json.write(heroku))
        .contains("\"sender\":{\"heroku\":{\"app\":\"app\",\"webhookId\":\"" + HOOK_ID + "\"}}");
    assertThat(Json.write(github))
        .contains("\"sender\":{\"github\":{\"repo\":\"o/r\",\"hookId\":9}}");
    assertThat(Json.write(none))
        .as("the JSON stored before senders existed, so apply sees no change")
        .isEqualTo(
            "{\"source\":\"f\",\"scheme\":\"freescout\",\"secret\":\"S\","
                + "\"toleranceSeconds\":null,\"options\":{}}");
  }
}
