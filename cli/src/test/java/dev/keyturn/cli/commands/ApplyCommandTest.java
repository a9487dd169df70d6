package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.ScriptedTerminal;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@code keyturn apply} is safe: the plan first, a question on a terminal (or --yes) before
 * anything is changed or removed, nothing written without it, and one audit event per apply. Each
 * test starts from the whole example applied.
 */
@WithLocalAws
class ApplyCommandTest {

  static final Path EXAMPLE = Path.of("../examples/inventory.yaml");

  @Test
  void apply_ofASmallerFile_withoutATerminal_needsYes_andWritesNothing(
      DynamoDbClient dynamo, @TempDir Path dir) throws Exception {
    assertThat(Cli.run("apply", EXAMPLE.toString(), "--yes").exit()).isZero();
    long before = items(dynamo);

    CliResult r = Cli.run("apply", smaller(dir).toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("- secret   HK_PLATFORM_FULL");
    assertThat(r.err())
        .contains("keyturn: not applied: ", " to remove in table " + LocalAwsExtension.TABLE)
        .contains("re-run with --yes");
    assertThat(items(dynamo)).isEqualTo(before);
  }

  @Test
  void apply_ofASmallerFile_withYes_removesTheEntries_andAuditsOnce(
      DynamoDbClient dynamo, @TempDir Path dir) throws Exception {
    assertThat(Cli.run("apply", EXAMPLE.toString(), "--yes").exit()).isZero();
    Path smaller = smaller(dir);

    CliResult r = Cli.run("apply", smaller.toString(), "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("applied: 0 to add, 0 to change, ");
    Map<String, String> detail =
        lastApplyEvent().get("detail") instanceof Map<?, ?> m ? stringMap(m) : Map.of();
    assertThat(detail)
        .containsEntry("file", smaller.toString())
        .containsEntry("added", "0")
        .containsEntry("digest", sha256(smaller));
    assertThat(Integer.parseInt(detail.get("removed"))).isPositive();
  }

  @Test
  void apply_onATerminal_asks_andAppliesOnlyOnYes(DynamoDbClient dynamo, @TempDir Path dir)
      throws Exception {
    assertThat(Cli.run("apply", EXAMPLE.toString(), "--yes").exit()).isZero();
    Path smaller = smaller(dir);
    long before = items(dynamo);
    ScriptedTerminal declining = ScriptedTerminal.answering("no");
    ScriptedTerminal agreeing = ScriptedTerminal.answering("yes");

    CliResult declined = Cli.runOnTerminal(declining, "apply", smaller.toString());
    long afterDeclined = items(dynamo);
    CliResult agreed = Cli.runOnTerminal(agreeing, "apply", smaller.toString());

    assertThat(declining.prompts())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("to remove", "Only 'yes' will be accepted"));
    assertThat(declined.exit()).isEqualTo(1);
    assertThat(declined.err()).contains("not applied");
    assertThat(afterDeclined).isEqualTo(before);
    assertThat(agreed.exit()).as(agreed.toString()).isZero();
    assertThat(items(dynamo)).isLessThan(before);
  }

  @Test
  void apply_thatOnlyAdds_needsNoConfirmation_andEveryApplyIsAudited() {
    long applies = applyEvents().size();

    CliResult first = Cli.run("apply", EXAMPLE.toString());
    CliResult again = Cli.run("apply", EXAMPLE.toString());

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(again.exit()).isZero();
    assertThat(applyEvents()).hasSize((int) applies + 2);
    assertThat(lastApplyEvent()).containsEntry("outcome", "unchanged");
  }

  @Test
  void apply_tagsTheWebhookSecret_onceItExists_andUntagsItWhenNoSourceUsesIt(
      LocalAws aws, @TempDir Path dir) throws Exception {
    String secret = "keyturn/prod/freescout-support-webhook-secret";
    try (SecretsManagerClient client =
        SecretsManagerClient.builder().endpointOverride(aws.endpoint()).build()) {
      deleteIfPresent(client, secret);

      CliResult before = Cli.run("apply", EXAMPLE.toString(), "--yes");
      client.createSecret(b -> b.name(secret).secretString(SeededSecrets.generate("fs-webhook")));
      CliResult created = Cli.run("apply", EXAMPLE.toString(), "--yes");
      Map<String, String> tagged = tags(client, secret);
      CliResult noWebhooks = Cli.run("apply", withoutWebhooks(dir).toString(), "--yes");

      assertThat(before.exit()).as(before.toString()).isZero();
      assertThat(before.err())
          .contains("warning: webhook secret " + secret + " does not exist: not tagged");
      assertThat(created.out()).contains("tagged   " + secret + " keyturn:role=webhook");
      assertThat(tagged).containsEntry("keyturn:role", "webhook");
      assertThat(noWebhooks.exit()).as(noWebhooks.toString()).isZero();
      assertThat(noWebhooks.out()).contains("untagged " + secret);
      assertThat(tags(client, secret)).doesNotContainKey("keyturn:role");
      Map<String, String> detail =
          lastApplyEvent().get("detail") instanceof Map<?, ?> m ? stringMap(m) : Map.of();
      assertThat(detail).containsEntry("roleUntagged", "1");
      deleteIfPresent(client, secret);
    }
  }

  private static void deleteIfPresent(SecretsManagerClient client, String secret) {
    try {
      client.deleteSecret(b -> b.secretId(secret).forceDeleteWithoutRecovery(true));
    } catch (ResourceNotFoundException absent) {
      // nothing to delete
    }
  }

  private static Map<String, String> tags(SecretsManagerClient client, String secret) {
    Map<String, String> out = new java.util.TreeMap<>();
    var described = client.describeSecret(b -> b.secretId(secret));
    if (described.hasTags()) {
      described.tags().forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  /** The example without its webhook sources. */
  private static Path withoutWebhooks(Path dir) throws java.io.IOException {
    String example = Files.readString(EXAMPLE);
    return Files.writeString(
        dir.resolve("no-webhooks.yaml"), example.substring(0, example.indexOf("\nwebhooks:") + 1));
  }

  /** The example without its last entries (a file that would remove them). */
  private static Path smaller(Path dir) throws java.io.IOException {
    String example = Files.readString(EXAMPLE);
    int cut = example.indexOf("  - name: HK_PLATFORM_FULL");
    int webhooks = example.indexOf("\nwebhooks:");
    return Files.writeString(
        dir.resolve("smaller.yaml"), example.substring(0, cut) + example.substring(webhooks + 1));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> applyEvents() {
    CliResult r = Cli.run("audit", "--secret", "inventory", "--json", "--limit", "1000");
    assertThat(r.exit()).as(r.toString()).isZero();
    return Json.MAPPER.convertValue(
        Json.tree(r.out()), new com.fasterxml.jackson.core.type.TypeReference<>() {});
  }

  private static Map<String, Object> lastApplyEvent() {
    List<Map<String, Object>> events = applyEvents();
    assertThat(events).isNotEmpty();
    Map<String, Object> last = events.getLast();
    assertThat(last).containsEntry("action", "inventory.apply");
    return last;
  }

  private static Map<String, String> stringMap(Map<?, ?> m) {
    Map<String, String> out = new java.util.HashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  private static String sha256(Path file) throws Exception {
    byte[] hash =
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    return "sha256:" + java.util.HexFormat.of().formatHex(hash);
  }

  private static long items(DynamoDbClient dynamo) {
    return dynamo.scan(b -> b.tableName(LocalAwsExtension.TABLE)).count();
  }
}
