package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every live version verifies, so no delivery fails during or right after a rotation; a signature
 * matching no cached version re-reads the secret at most once per TTL.
 */
class WebhookServiceRotationTest {

  final WebhookWorld world = new WebhookWorld();
  final String first = Secrets.hex();
  final String second = Secrets.hex();
  final WebhookEntry github = world.source("gh", "github", Map.of(), first);
  final Source secret = WebhookWorld.secretSource("gh");

  private int send(String signingSecret) {
    return world
        .send(world.signed(github, signingSecret, "{\"n\":" + System.nanoTime() + "}"))
        .getStatusCode();
  }

  @Test
  void deliveriesSignedWithCurrentPendingAndPrevious_allVerify_acrossARotation() {
    assertThat(send(first)).as("before: current").isEqualTo(202);

    world.secrets.stagePending(secret, second);
    assertThat(send(second)).as("in flight: pending").isEqualTo(202);
    assertThat(send(first)).as("in flight: current").isEqualTo(202);

    world.secrets.finishRotation(secret);
    assertThat(send(second)).as("after: current").isEqualTo(202);
    assertThat(send(first)).as("after: previous").isEqualTo(202);
  }

  @Test
  void afterTheRotation_aColdContainerAcceptsCurrentAndPrevious() {
    world.secrets.stagePending(secret, second);
    world.secrets.finishRotation(secret);

    assertThat(send(first)).isEqualTo(202);
    assertThat(send(second)).isEqualTo(202);
    assertThat(world.secrets.calls("liveVersions")).isEqualTo(1);
  }

  @Test
  void aVersionCreatedAfterTheCacheWasFilled_verifiesAfterOneRefresh() {
    assertThat(send(first)).isEqualTo(202);
    world.secrets.stagePending(secret, second);

    assertThat(send(second)).isEqualTo(202);
    assertThat(send(second)).isEqualTo(202);
    assertThat(world.secrets.calls("liveVersions")).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 1000})
  void forgedSignatures_refreshTheSecretAtMostOncePerTtl(int forgeries) {
    send(first);

    for (int i = 0; i < forgeries; i++) {
      assertThat(send(Secrets.hex())).isEqualTo(401);
    }

    assertThat(world.secrets.calls("liveVersions")).isEqualTo(2);
  }

  @Test
  void onceTheTtlHasPassed_aMismatchMayRefreshAgain() {
    send(first);
    send(Secrets.hex()); // spends this window's refresh
    world.secrets.stagePending(secret, second);
    assertThat(send(second)).as("refresh budget spent").isEqualTo(401);

    world.clock.advance(Duration.ofSeconds(30));
    assertThat(send(second)).as("half a TTL later").isEqualTo(401);
    world.clock.advance(Duration.ofSeconds(30));
    assertThat(send(second)).as("a TTL later").isEqualTo(202);
  }

  @Test
  void cachedVersions_areReadAgainWhenTheTtlExpires() {
    send(first);
    world.clock.advance(world.settings.secretTtl().minusSeconds(1));
    send(first);
    assertThat(world.secrets.calls("liveVersions")).isEqualTo(1);

    world.clock.advance(Duration.ofSeconds(1));
    send(first);
    assertThat(world.secrets.calls("liveVersions")).isEqualTo(2);
  }

  @Test
  void whenSecretsManagerFailsAfterAWarmRead_theCachedVersionsKeepServing() {
    send(first);
    world.secrets.failAlways("liveVersions");
    world.clock.advance(world.settings.secretTtl());

    assertThat(send(first)).isEqualTo(202);
  }
}
