package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Dimensions;
import dev.keyturn.observability.Metric;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the webhook service counts: the EMF metrics the template's alarms watch. */
class WebhookMetricsTest {

  final WebhookWorld world = new WebhookWorld();
  final String secret = Secrets.whsec();
  final WebhookEntry acme = world.source("acme", "standard-webhooks", Map.of(), secret);

  @Test
  void forwardedDelivery_countsOneVerified_andNoRejection() {
    world.send(world.signed(acme, secret, "{\"a\":1}", "msg_m1"));

    assertThat(world.metrics.total(Metric.WEBHOOKS_VERIFIED)).isEqualTo(1);
    assertThat(world.metrics.published(Metric.WEBHOOKS_REJECTED)).isFalse();
  }

  @Test
  void rejections_areCountedByReason() {
    world.send(world.signed(acme, Secrets.whsec(), "{\"a\":1}", "msg_forged"));
    APIGatewayV2HTTPEvent unsigned = world.signed(acme, secret, "{\"a\":2}", "msg_unsigned");
    unsigned.getHeaders().remove("webhook-signature");
    world.send(unsigned);
    APIGatewayV2HTTPEvent elsewhere = world.signed(acme, secret, "{\"a\":3}", "msg_x");
    elsewhere.setRawPath("/webhooks/nobody");
    world.send(elsewhere);

    assertThat(world.metrics.total(Metric.WEBHOOKS_REJECTED)).isEqualTo(3);
    assertThat(
            world.metrics.total(Metric.WEBHOOKS_REJECTED, Dimensions.REASON, "SIGNATURE_MISMATCH"))
        .isEqualTo(1);
    assertThat(
            world.metrics.total(Metric.WEBHOOKS_REJECTED, Dimensions.REASON, "MISSING_SIGNATURE"))
        .isEqualTo(1);
    assertThat(world.metrics.total(Metric.WEBHOOKS_REJECTED, Dimensions.REASON, "UNKNOWN_SOURCE"))
        .isEqualTo(1);
    assertThat(world.metrics.published(Metric.WEBHOOKS_VERIFIED)).isFalse();
  }

  @Test
  void replay_countsADuplicate_notASecondVerified() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{\"a\":1}", "msg_twice");
    world.send(delivery);
    world.send(delivery);

    assertThat(world.metrics.total(Metric.WEBHOOKS_VERIFIED)).isEqualTo(1);
    assertThat(world.metrics.total(Metric.WEBHOOK_DUPLICATES)).isEqualTo(1);
  }

  @Test
  void releaseConfirmation_isCountedOnlyForAReleaseSyncMade() {
    String herokuSecret = Secrets.hex();
    WebhookEntry heroku = world.source("heroku-billing", "heroku", Map.of(), herokuSecret);
    String known = HerokuReleaseConfirmationTest.RELEASE_ID;
    world.publishedIn("billing-prod", known);

    world.send(
        world.signed(
            heroku,
            herokuSecret,
            HerokuReleaseConfirmationTest.release("update", "succeeded", known),
            "hk-m1"));
    world.send(
        world.signed(
            heroku,
            herokuSecret,
            HerokuReleaseConfirmationTest.release(
                "update", "succeeded", "00000000-0000-4000-8000-000000000000"),
            "hk-m2"));

    assertThat(world.metrics.total(Metric.RELEASES_CONFIRMED)).isEqualTo(1);
    assertThat(world.metrics.total(Metric.WEBHOOKS_VERIFIED)).isEqualTo(2);
  }
}
