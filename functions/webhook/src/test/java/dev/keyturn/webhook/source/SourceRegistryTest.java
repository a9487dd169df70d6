package dev.keyturn.webhook.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakePort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceRegistryTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  final FakeInventoryStore inventory = new FakeInventoryStore();
  final SourceRegistry registry =
      new SourceRegistry(inventory, Duration.ofSeconds(60), Duration.ofDays(7));

  private static SecretEntry secret(String name, String id) {
    return new SecretEntry(
        name,
        new Source.SecretsManager(id),
        Tags.of("webhook", "high", "raptor", "90d"),
        List.of("prod"),
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of());
  }

  @Test
  void foundSource_carriesItsSchemeSecretAndReplayWindow() {
    inventory
        .add(secret("GH", "keyturn/gh"))
        .add(new WebhookEntry("gh", "github", "GH", null, Map.of()));

    SourceLookup lookup = registry.find("gh", T0);

    assertThat(lookup)
        .isInstanceOfSatisfying(
            SourceLookup.Found.class,
            found -> {
              assertThat(found.source().check().schemeName()).isEqualTo("github");
              assertThat(found.source().secret())
                  .isEqualTo(new Source.SecretsManager("keyturn/gh"));
              assertThat(found.source().check().replayTtl()).isEqualTo(Duration.ofDays(7));
            });
    assertThat(registry.find("other", T0)).isInstanceOf(SourceLookup.Unknown.class);
  }

  @Test
  void schemeInstances_surviveARereadOfAnUnchangedEntry() {
    inventory
        .add(secret("GH", "keyturn/gh"))
        .add(new WebhookEntry("gh", "github", "GH", null, Map.of()));
    WebhookSource first = ((SourceLookup.Found) registry.find("gh", T0)).source();

    WebhookSource later = ((SourceLookup.Found) registry.find("gh", T0.plusSeconds(61))).source();
    inventory.add(new WebhookEntry("gh", "github", "GH", null, Map.of("x", "y")));
    SourceLookup changed = registry.find("gh", T0.plusSeconds(122));

    assertThat(inventory.calls("webhooks")).isEqualTo(3);
    assertThat(later).isSameAs(first);
    assertThat(changed).isInstanceOf(SourceLookup.Misconfigured.class);
  }

  @Test
  void problems_areNamed_withoutValues() {
    inventory
        .add(secret("S", "keyturn/s"))
        .add(new WebhookEntry("a", "nope", "S", null, Map.of()))
        .add(new WebhookEntry("b", "github", "MISSING", null, Map.of()))
        .add(new WebhookEntry("c", "generic-hmac", "S", null, Map.of()));

    assertThat(((SourceLookup.Misconfigured) registry.find("a", T0)).problem()).contains("nope");
    assertThat(((SourceLookup.Misconfigured) registry.find("b", T0)).problem()).contains("MISSING");
    assertThat(((SourceLookup.Misconfigured) registry.find("c", T0)).problem()).contains("header");
  }

  @Test
  void firstReadFailing_propagates_laterFailuresServeTheLastRead() {
    inventory
        .add(secret("GH", "keyturn/gh"))
        .add(new WebhookEntry("gh", "github", "GH", null, Map.of()));
    inventory.failAlways(FakePort.ANY);
    assertThatThrownBy(() -> registry.find("gh", T0)).isInstanceOf(IllegalStateException.class);

    inventory.heal();
    registry.find("gh", T0);
    inventory.failAlways(FakePort.ANY);
    assertThat(registry.find("gh", T0.plusSeconds(60))).isInstanceOf(SourceLookup.Found.class);
  }
}
