package dev.keyturn.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.secrets.SecretRoleTagging;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * {@code keyturn apply}'s role tags against moto: every webhook source's secret (each
 * environment's) gets {@code keyturn:role=webhook}, nothing else does, a second apply changes
 * nothing, and a secret that stops being a webhook's loses the tag (its other tags stay).
 */
@WithLocalAws
class SecretsManagerRoleTagsTest {

  static SecretsManagerClient client;
  static SecretRoleTagging tagging;

  @BeforeAll
  static void start(LocalAws aws) {
    client = SecretsManagerClient.builder().endpointOverride(aws.endpoint()).build();
    tagging = new SecretRoleTagging(new SecretsManagerRoleTags(client));
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void reconcile_tagsEveryWebhookSecret_andNoOther_thenChangesNothingOnASecondRun() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String hook = create("keyturn/tags/" + run + "/hook", Map.of("keyturn:entry", "WH_ACME"));
    String staging = create("keyturn/tags/" + run + "/hook-staging", Map.of());
    String platform = create("keyturn/tags/" + run + "/platform", Map.of());
    String syncOwned = create("keyturn/tags/" + run + "/sync", Map.of("keyturn:role", "sync"));
    Inventory inventory =
        inventory(
            List.of(
                entry(
                    "WH_ACME",
                    new Source.SecretsManager(hook),
                    Map.of(
                        "prod", new Source.SecretsManager(hook),
                        "staging", new Source.SecretsManager(staging))),
                entry("HK_PLATFORM", new Source.SecretsManager(platform), Map.of()),
                entry("WH_SSM", new Source.SsmParameter("/keyturn/tags/" + run), Map.of())),
            List.of("WH_ACME", "WH_SSM"));

    SecretRoleTagging.Changes first = tagging.reconcile(inventory);
    SecretRoleTagging.Changes second = tagging.reconcile(inventory);

    assertThat(first.tagged()).containsExactlyInAnyOrder(hook, staging);
    assertThat(first.missing()).isEmpty();
    assertThat(tagsOf(hook))
        .containsEntry("keyturn:role", "webhook")
        .containsEntry("keyturn:entry", "WH_ACME");
    assertThat(tagsOf(staging)).containsEntry("keyturn:role", "webhook");
    assertThat(tagsOf(platform)).doesNotContainKey("keyturn:role");
    assertThat(tagsOf(syncOwned)).containsEntry("keyturn:role", "sync");
    assertThat(second.tagged()).as("already tagged").isEmpty();
    assertThat(second.untagged()).isEmpty();
  }

  @Test
  void reconcile_untagsASecretNoLongerAWebhooks_keepingItsOtherTags_andReportsMissingOnes() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String former = create("keyturn/tags/" + run + "/former", Map.of("keyturn:entry", "WH_OLD"));
    String absent = "keyturn/tags/" + run + "/not-created-yet";
    SecretEntry old = entry("WH_OLD", new Source.SecretsManager(former), Map.of());
    tagging.reconcile(inventory(List.of(old), List.of("WH_OLD")));
    assertThat(tagsOf(former)).containsEntry("keyturn:role", "webhook");

    SecretRoleTagging.Changes changes =
        tagging.reconcile(
            inventory(
                List.of(old, entry("WH_NEW", new Source.SecretsManager(absent), Map.of())),
                List.of("WH_NEW")));

    assertThat(changes.untagged()).containsExactly(former);
    assertThat(changes.missing()).containsExactly(absent);
    assertThat(tagsOf(former))
        .doesNotContainKey("keyturn:role")
        .containsEntry("keyturn:entry", "WH_OLD");
  }

  private static String create(String name, Map<String, String> tags) {
    List<Tag> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
    client.createSecret(
        b -> b.name(name).secretString(SeededSecrets.generate("role-tags")).tags(list));
    return name;
  }

  private static Map<String, String> tagsOf(String name) {
    Map<String, String> out = new TreeMap<>();
    client.describeSecret(b -> b.secretId(name)).tags().forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static SecretEntry entry(String name, Source source, Map<String, Source> sources) {
    return new SecretEntry(
        name,
        source,
        Tags.of("webhook", "high", "raptor", "90d"),
        List.of("prod"),
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of(),
        sources,
        List.of());
  }

  private static Inventory inventory(List<SecretEntry> secrets, List<String> webhookSecrets) {
    List<WebhookEntry> webhooks =
        webhookSecrets.stream()
            .map(s -> new WebhookEntry(s.toLowerCase(), "github", s, null, Map.of()))
            .toList();
    return new Inventory(1, Set.of(), Set.of(), Set.of(), secrets, webhooks);
  }
}
