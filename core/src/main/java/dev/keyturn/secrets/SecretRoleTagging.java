package dev.keyturn.secrets;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the {@value SecretRoleTags#KEY} = {@value #WEBHOOK} tags match an inventory: every Secrets
 * Manager secret a webhook source verifies with ({@code webhooks[].secret}, each of its
 * environments' sources) carries it, and no other secret does. The webhook role may read only
 * secrets so tagged (template.yaml), so the internet-facing function cannot read a platform token
 * even when it lives under the managed prefix. Tags only what lacks the tag and untags only what
 * has it, so a second run with the same inventory makes no call but the listing.
 */
public final class SecretRoleTagging {

  /** The role of the webhook function's secrets. */
  public static final String WEBHOOK = "webhook";

  /**
   * What one reconciliation changed.
   *
   * @param tagged secrets that got the tag
   * @param untagged secrets that lost it (no longer a webhook source's)
   * @param missing webhook secrets that do not exist yet (tagged by the next apply)
   */
  public record Changes(List<String> tagged, List<String> untagged, List<String> missing) {

    public Changes {
      tagged = List.copyOf(tagged);
      untagged = List.copyOf(untagged);
      missing = List.copyOf(missing);
    }
  }

  private final SecretRoleTags tags;

  public SecretRoleTagging(SecretRoleTags tags) {
    this.tags = tags;
  }

  /** Tags the inventory's webhook secrets and untags every other secret tagged for the webhook. */
  public Changes reconcile(Inventory inventory) {
    Set<String> wanted = webhookSecretIds(inventory);
    List<SecretRoleTags.TaggedSecret> current = tags.taggedWith(WEBHOOK);
    List<String> tagged = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : wanted) {
      if (current.stream().noneMatch(s -> s.isNamedBy(id))) {
        try {
          tags.tag(id, WEBHOOK);
          tagged.add(id);
        } catch (SecretNotFoundException e) {
          missing.add(id);
        }
      }
    }
    List<String> untagged = new ArrayList<>();
    for (SecretRoleTags.TaggedSecret secret : current) {
      if (wanted.stream().noneMatch(secret::isNamedBy)) {
        tags.untag(secret.arn());
        untagged.add(secret.name());
      }
    }
    return new Changes(tagged, untagged, missing);
  }

  /** The Secrets Manager ids ({@code source}, or each environment's) of every webhook secret. */
  static Set<String> webhookSecretIds(Inventory inventory) {
    Set<String> out = new LinkedHashSet<>();
    for (WebhookEntry webhook : inventory.webhooks()) {
      inventory.secret(webhook.secret()).stream()
          .flatMap(SecretRoleTagging::sources)
          .filter(s -> s instanceof Source.SecretsManager)
          .forEach(s -> out.add(s.id()));
    }
    return out;
  }

  private static Stream<Source> sources(SecretEntry entry) {
    return Stream.concat(Stream.ofNullable(entry.source()), entry.sources().values().stream());
  }
}
