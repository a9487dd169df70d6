package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Dimensions;
import dev.keyturn.observability.Metric;
import dev.keyturn.secrets.Stages;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After the life cycle evicted the old version (AWSPREVIOUS taken off), a warm container answers a
 * delivery still signed with it 401 and counts it {@code STALE_SECRET}, without reading anything
 * for it; forgeries stay {@code SIGNATURE_MISMATCH}.
 */
class WebhookStaleSecretTest {

  final WebhookWorld world = new WebhookWorld();
  final String first = Secrets.hex();
  final String second = Secrets.hex();
  final WebhookEntry github = world.source("gh", "github", Map.of(), first);
  final Source secret = WebhookWorld.secretSource("gh");

  private int send(WebhookWorld in, WebhookEntry source, String signingSecret) {
    return in.send(in.signed(source, signingSecret, "{\"n\":" + System.nanoTime() + "}"))
        .getStatusCode();
  }

  /** Rotated to {@code second}; the warm container verified with {@code first} as AWSPREVIOUS. */
  private void rotatedAndServedPrevious() {
    world.secrets.stagePending(secret, second);
    world.secrets.finishRotation(secret);
    assertThat(send(world, github, first)).isEqualTo(202);
  }

  private void evictPrevious() {
    String previous =
        world
            .secrets
            .secretsManager()
            .secret(secret.id())
            .versionWith(Stages.PREVIOUS)
            .orElseThrow();
    world.secrets.secretsManager().removeStage(secret.id(), Stages.PREVIOUS, previous);
  }

  @Test
  void aDeliverySignedWithTheEvictedVersion_is401_andCountedStaleSecret_onceTheTtlHasPassed() {
    rotatedAndServedPrevious();
    evictPrevious();
    world.clock.advance(world.settings.secretTtl());

    assertThat(send(world, github, first)).isEqualTo(401);

    assertThat(world.metrics.total(Metric.WEBHOOKS_REJECTED, Dimensions.REASON, "STALE_SECRET"))
        .isEqualTo(1);
    assertThat(world.auditedRejections()).containsExactly("STALE_SECRET");
    assertThat(send(world, github, second)).as("the current version still verifies").isEqualTo(202);
  }

  @Test
  void aStaleDelivery_costsNoSecretRead_andAForgeryStaysASignatureMismatch() {
    rotatedAndServedPrevious();
    evictPrevious();
    world.clock.advance(world.settings.secretTtl());
    send(world, github, second); // the TTL re-read: the cache now knows first was retired
    int reads = world.secrets.calls("liveVersions");

    for (int i = 0; i < 20; i++) {
      assertThat(send(world, github, first)).isEqualTo(401);
      assertThat(send(world, github, Secrets.hex())).isEqualTo(401);
    }

    assertThat(world.secrets.calls("liveVersions"))
        .as("at most the one refresh per TTL a mismatch may force")
        .isLessThanOrEqualTo(reads + 1);
    assertThat(world.auditedRejections())
        .containsOnly("STALE_SECRET", "SIGNATURE_MISMATCH")
        .filteredOn("STALE_SECRET"::equals)
        .hasSize(20);
  }

  @Test
  void aVersionPushedOutByASecondRotation_isAlsoStale() {
    String third = Secrets.hex();
    rotatedAndServedPrevious();
    world.secrets.stagePending(secret, third);
    world.secrets.finishRotation(secret); // second is AWSPREVIOUS, first has no label
    world.clock.advance(world.settings.secretTtl());

    assertThat(send(world, github, first)).isEqualTo(401);
    assertThat(send(world, github, second)).isEqualTo(202);
    assertThat(world.auditedRejections()).containsExactly("STALE_SECRET");
  }

  @Test
  void aColdContainer_thatNeverServedTheOldVersion_answersTheOrdinarySignatureReason() {
    rotatedAndServedPrevious();
    evictPrevious();
    WebhookWorld cold = new WebhookWorld();
    WebhookEntry source = cold.source("gh", "github", Map.of(), second);

    assertThat(send(cold, source, first)).isEqualTo(401);
    assertThat(cold.auditedRejections()).containsExactly("SIGNATURE_MISMATCH");
  }
}
