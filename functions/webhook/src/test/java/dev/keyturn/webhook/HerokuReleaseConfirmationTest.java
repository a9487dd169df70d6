package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.testing.fakes.FakeSyncStateStore.Confirmation;
import dev.keyturn.webhook.heroku.ReleaseConfirmations;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A verified Heroku {@code api:release} delivery confirms the release in the sync state. */
class HerokuReleaseConfirmationTest {

  static final String RELEASE_ID = "5f5b2b4e-8a55-4f0e-9a8d-2f0f3b9e8c11";

  final WebhookWorld world = new WebhookWorld();
  final String secret = Secrets.hex();
  final WebhookEntry heroku = world.source("heroku-billing", "heroku", Map.of(), secret);

  static String release(String action, String status, String releaseId) {
    return """
    {"action":"%s","actor":{"email":"ops@example.com","id":"0c3ad3e4-0b5c-4d0e-8a11-0f3a1f1a2b3c"},\
    "created_at":"2026-03-01T12:00:00Z","id":"1e1b0d1a-6b5f-4a1d-8a5e-0f1e2d3c4b5a",\
    "data":{"id":"%s","version":42,"status":"%s","current":true,\
    "description":"Set DATABASE_URL config vars",\
    "app":{"id":"6f0e1d2c-3b4a-5968-7a8b-9c0d1e2f3a4b","name":"billing-prod"}},\
    "previous_data":{},"published_at":null,"resource":"release","sequence":null,\
    "updated_at":"2026-03-01T12:00:01Z","version":"application/vnd.heroku+json; version=3",\
    "webhook_metadata":{"attempt":{"id":"a1"},"delivery":{"id":"d1"},\
    "event":{"id":"e1","include":"api:release"},"webhook":{"id":"w1"}}}\
    """
        .formatted(action, releaseId, status);
  }

  @Test
  void succeededRelease_isConfirmed_audited_andStillForwarded() {
    world.publishedIn("billing-prod", RELEASE_ID);

    int status =
        world
            .send(world.signed(heroku, secret, release("update", "succeeded", RELEASE_ID), "hk-1"))
            .getStatusCode();

    assertThat(status).isEqualTo(202);
    assertThat(world.syncState.confirmations())
        .containsExactly(new Confirmation("billing-prod", RELEASE_ID, WebhookWorld.START));
    assertThat(world.audit.actions(ReleaseConfirmations.ACTION))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).isEqualTo("billing-prod");
          assertThat(e.outcome()).isEqualTo("confirmed");
          assertThat(e.detail())
              .containsEntry("releaseId", RELEASE_ID)
              .containsEntry("releaseVersion", "42")
              .containsEntry("source", "heroku-billing")
              .containsEntry("deliveryId", "hk-1");
        });
    assertThat(world.bus.published())
        .singleElement()
        .satisfies(e -> assertThat(e.detailType()).isEqualTo("heroku-billing"));
  }

  @Test
  void releaseSyncNeverRecorded_isAuditedAsUnknown() {
    world.send(world.signed(heroku, secret, release("create", "succeeded", RELEASE_ID)));

    assertThat(world.audit.actions(ReleaseConfirmations.ACTION))
        .extracting(AuditEvent::outcome)
        .containsExactly("unknown-release");
  }

  @Test
  void releaseReportedTwice_isConfirmedOnce_andTheSecondReportAuditedAsAlreadyConfirmed() {
    world.publishedIn("billing-prod", RELEASE_ID);

    world.send(world.signed(heroku, secret, release("create", "succeeded", RELEASE_ID), "hk-a"));
    world.send(world.signed(heroku, secret, release("update", "succeeded", RELEASE_ID), "hk-b"));

    assertThat(world.audit.actions(ReleaseConfirmations.ACTION))
        .extracting(AuditEvent::outcome)
        .containsExactly("confirmed", "already-confirmed");
    assertThat(world.metrics.total(dev.keyturn.observability.Metric.RELEASES_CONFIRMED))
        .isEqualTo(1);
    assertThat(world.bus.published()).hasSize(2);
  }

  @Test
  void pendingOrFailedRelease_isNotConfirmed() {
    world.send(world.signed(heroku, secret, release("create", "pending", RELEASE_ID)));
    world.send(world.signed(heroku, secret, release("update", "failed", RELEASE_ID)));

    assertThat(world.syncState.confirmations()).isEmpty();
    assertThat(world.bus.published()).hasSize(2);
  }

  @Test
  void releaseLikeBody_fromANonHerokuSource_confirmsNothing() {
    String ghSecret = Secrets.hex();
    WebhookEntry github = world.source("gh", "github", Map.of(), ghSecret);

    world.send(world.signed(github, ghSecret, release("update", "succeeded", RELEASE_ID)));

    assertThat(world.syncState.confirmations()).isEmpty();
  }

  @Test
  void unsignedReleaseNotification_confirmsNothing() {
    world.send(world.signed(heroku, Secrets.hex(), release("update", "succeeded", RELEASE_ID)));

    assertThat(world.syncState.confirmations()).isEmpty();
  }

  @Test
  void otherHerokuEvents_confirmNothing() {
    String build =
        release("update", "succeeded", RELEASE_ID)
            .replace("\"resource\":\"release\"", "\"resource\":\"build\"");

    world.send(world.signed(heroku, secret, build));

    assertThat(world.syncState.confirmations()).isEmpty();
  }

  @Test
  void whenTheSyncStateFails_theAnswerIs503_andHerokusRetryConfirms() {
    world.publishedIn("billing-prod", RELEASE_ID);
    var delivery = world.signed(heroku, secret, release("update", "succeeded", RELEASE_ID));
    world.syncState.failAlways("confirmRelease");

    int failed = world.send(delivery).getStatusCode();
    world.syncState.heal();
    int retried = world.send(delivery).getStatusCode();

    assertThat(failed).isEqualTo(503);
    assertThat(world.bus.published()).hasSize(1);
    assertThat(retried).isEqualTo(202);
    assertThat(world.syncState.confirmations()).hasSize(1);
  }
}
