package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.SenderSighting;
import dev.keyturn.testing.fakes.FakePort;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every verified delivery tells which secret version its sender signed with: the sighting the life
 * cycle reads to confirm a sender without an API. A failed write never costs the delivery.
 */
class WebhookSightingsTest {

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

  private String version(String stage) {
    return world.secrets.secretsManager().secret(secret.id()).versionWith(stage).orElseThrow();
  }

  @Test
  void aVerifiedDelivery_recordsTheVersionItsSignatureMatched_atItsReceipt() {
    assertThat(send(first)).isEqualTo(202);

    assertThat(world.sightings.last("gh"))
        .contains(new SenderSighting("gh", version(Stages.CURRENT), WebhookWorld.START));
  }

  @Test
  void aDeliverySignedWithThePreviousVersion_recordsThePreviousVersion() {
    world.secrets.stagePending(secret, second);
    world.secrets.finishRotation(secret);

    assertThat(send(first)).isEqualTo(202);

    assertThat(world.sightings.last("gh").orElseThrow().versionId())
        .isEqualTo(version(Stages.PREVIOUS));
  }

  @Test
  void theFirstDeliveryOnANewVersion_isAlwaysRecorded_evenRightAfterTheOldOne() {
    world.secrets.stagePending(secret, second);
    assertThat(send(first)).isEqualTo(202);
    world.clock.advance(Duration.ofSeconds(1));

    assertThat(send(second)).isEqualTo(202);

    assertThat(world.sightings.last("gh").orElseThrow().versionId())
        .isEqualTo(version(Stages.PENDING));
    assertThat(world.sightings.calls("record")).isEqualTo(2);
  }

  @Test
  void aBurstOnOneVersion_writesOncePerMinute() {
    for (int i = 0; i < 120; i++) {
      assertThat(send(first)).isEqualTo(202);
      world.clock.advance(Duration.ofSeconds(1));
    }

    assertThat(world.sightings.calls("record"))
        .as("120 deliveries in two minutes: one write a minute")
        .isEqualTo(2);
    assertThat(world.sightings.last("gh").orElseThrow().at())
        .isEqualTo(WebhookWorld.START.plusSeconds(60));
  }

  @Test
  void aFailedSightingWrite_stillForwardsTheDelivery_countsIt_andTheNextDeliveryWritesIt() {
    world.sightings.failNext("record", 1);

    assertThat(send(first)).isEqualTo(202);

    assertThat(world.bus.published()).hasSize(1);
    assertThat(world.metrics.total(Metric.WEBHOOK_SIGHTING_FAILURES)).isEqualTo(1);
    assertThat(world.metrics.total(Metric.WEBHOOKS_VERIFIED)).isEqualTo(1);
    assertThat(world.sightings.last("gh")).isEmpty();

    assertThat(send(first)).isEqualTo(202);
    assertThat(world.sightings.last("gh")).isPresent();
  }

  @Test
  void aRejectedDelivery_recordsNoSighting() {
    assertThat(send(Secrets.hex())).isEqualTo(401);

    assertThat(world.sightings.calls("record")).isZero();
    assertThat(world.sightings.calls(FakePort.ANY)).isZero();
  }
}
