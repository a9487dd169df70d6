package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.inventory.WebhookEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No verified delivery is lost: the replay claim is pending while a delivery is handed on, a second
 * request for it meanwhile is told to retry (409), a failed or late hand-on releases the claim, and
 * only a done claim answers 200 duplicate.
 */
class WebhookServiceClaimTest {

  final WebhookWorld world = new WebhookWorld();
  final String secret = Secrets.whsec();
  final WebhookEntry acme = world.source("acme", "standard-webhooks", Map.of(), secret);
  final Duration call = world.settings.awsCallTimeout();

  private Invocation invocation(String requestId, Duration budget) {
    return new Invocation(requestId, world.clock.instant().plus(budget));
  }

  @Test
  void busHangingPastTheBudget_is503_releasesTheClaim_andTheRetryIsForwarded() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{}", "msg_hang");
    // the SDK gives up after the call timeout; the hung call has used it all
    world.bus.beforeCall("publish", () -> world.clock.advance(call));
    world.bus.failAlways("publish");

    APIGatewayV2HTTPResponse hung =
        world.send(delivery, invocation("req-1", Duration.ofSeconds(15)));
    world.bus.beforeCall("publish", null);
    world.bus.heal();
    world.clock.advance(Duration.ofSeconds(30));
    APIGatewayV2HTTPResponse retried =
        world.send(delivery, invocation("req-2", Duration.ofSeconds(15)));

    assertThat(hung.getStatusCode()).isEqualTo(503);
    assertThat(retried.getStatusCode()).isEqualTo(202);
    assertThat(world.bus.published()).hasSize(1);
  }

  @Test
  void publishIsNotStarted_whenItCouldNotEndBeforeTheClaimExpires_andTheClaimIsReleased() {
    String herokuSecret = Secrets.hex();
    WebhookEntry heroku = world.source("hk", "heroku", Map.of(), herokuSecret);
    String release =
        "{\"resource\":\"release\",\"data\":{\"id\":\"r-1\",\"status\":\"succeeded\","
            + "\"app\":{\"name\":\"billing\"}}}";
    // confirming the release took almost the whole pending time
    world.syncState.beforeCall(
        "confirmRelease",
        () -> world.clock.advance(world.settings.claimTtl().minus(call).plusMillis(1)));

    APIGatewayV2HTTPResponse late =
        world.send(
            world.signed(heroku, herokuSecret, release, "d-1"),
            invocation("req-1", Duration.ofSeconds(60)));

    assertThat(late.getStatusCode()).isEqualTo(503);
    assertThat(world.bus.published()).isEmpty();
    assertThat(world.replay.claimed()).isZero();
  }

  @Test
  void invocationWithoutTimeForTheWholeHandOn_claimsNothing_andAnswers503() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{}", "msg_late");

    APIGatewayV2HTTPResponse response =
        world.send(delivery, invocation("req-1", call.multipliedBy(3).minusMillis(1)));

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getHeaders()).containsEntry("retry-after", "5");
    assertThat(world.replay.claimed()).isZero();
    assertThat(world.bus.published()).isEmpty();
  }

  @Test
  void
      retryArrivingWhileTheFirstIsInFlight_is409WithRetryAfter_andWhenTheFirstFails_theNextRetryIsForwarded() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{\"n\":1}", "msg_twice");
    List<APIGatewayV2HTTPResponse> meanwhile = new ArrayList<>();
    world.bus.beforeCall(
        "publish",
        () -> {
          world.bus.beforeCall("publish", null);
          world.clock.advance(Duration.ofSeconds(1));
          meanwhile.add(world.send(delivery, invocation("req-2", Duration.ofSeconds(15))));
          world.bus.failAlways("publish");
        });

    APIGatewayV2HTTPResponse first =
        world.send(delivery, invocation("req-1", Duration.ofSeconds(15)));
    world.bus.heal();
    APIGatewayV2HTTPResponse third =
        world.send(delivery, invocation("req-3", Duration.ofSeconds(15)));
    APIGatewayV2HTTPResponse fourth =
        world.send(delivery, invocation("req-4", Duration.ofSeconds(15)));

    assertThat(meanwhile)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.getStatusCode()).isEqualTo(409);
          assertThat(r.getHeaders()).containsEntry("retry-after", "9");
          assertThat(WebhookWorld.body(r)).containsEntry("error", "delivery in progress");
        });
    assertThat(first.getStatusCode()).isEqualTo(503);
    assertThat(third.getStatusCode()).isEqualTo(202);
    assertThat(fourth.getStatusCode()).isEqualTo(200);
    assertThat(world.bus.published()).hasSize(1);
  }

  @Test
  void pendingClaimOfAnInvocationThatDied_isClaimableOnceItExpires() {
    APIGatewayV2HTTPEvent delivery = world.signed(acme, secret, "{}", "msg_died");
    Instant now = world.clock.instant();
    world.replay.claim("acme", "id:msg_died", "req-dead", now, now.plus(world.settings.claimTtl()));

    APIGatewayV2HTTPResponse early =
        world.send(delivery, invocation("req-2", Duration.ofSeconds(15)));
    world.clock.advance(world.settings.claimTtl().plusSeconds(1));
    APIGatewayV2HTTPResponse later =
        world.send(delivery, invocation("req-3", Duration.ofSeconds(15)));

    assertThat(early.getStatusCode()).isEqualTo(409);
    assertThat(later.getStatusCode()).isEqualTo(202);
  }

  @Test
  void completedClaim_keepsTheSourcesReplayWindow() {
    world.send(world.signed(acme, secret, "{}", "msg_ttl"));

    assertThat(world.replay.done()).isEqualTo(1);
    assertThat(world.replay.ttls()).containsExactly(Duration.ofMinutes(10));
  }
}
