package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /webhooks/{source}} and nothing else. */
class WebhookServiceRoutingTest {

  final WebhookWorld world = new WebhookWorld();
  final String secret = Secrets.whsec();
  final WebhookEntry acme = world.source("acme", "standard-webhooks", Map.of(), secret);

  private APIGatewayV2HTTPEvent request(String method, String path) {
    return LocalFunctionUrl.event(
        method, path, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), world.clock.instant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/webhooks",
        "/webhooks/",
        "/webhooks/acme/extra",
        "/webhooks/acme/",
        "/other/acme",
        "/webhooks/%61cme",
        "/webhooks/.acme",
        "/WEBHOOKS/acme"
      })
  void pathOtherThanTheRoute_is404(String path) {
    APIGatewayV2HTTPResponse response = world.send(request("POST", path));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(world.secrets.calls("liveVersions")).isZero();
    assertThat(world.audit.actions(Rejections.REJECTED))
        .singleElement()
        .extracting(AuditEvent::outcome)
        .isEqualTo("UNKNOWN_ROUTE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "post", ""})
  void anyMethodButPost_is405_withAllowPost(String method) {
    APIGatewayV2HTTPResponse response = world.send(request(method, "/webhooks/acme"));

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.getHeaders()).containsEntry("allow", "POST");
    assertThat(world.audit.actions(Rejections.REJECTED))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("METHOD_NOT_ALLOWED"));
  }

  @Test
  void unknownSource_is404_andReadsNoSecret() {
    APIGatewayV2HTTPResponse response = world.send(request("POST", "/webhooks/nobody"));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(WebhookWorld.body(response)).containsExactly(Map.entry("error", "not found"));
    assertThat(world.secrets.calls("liveVersions")).isZero();
    assertThat(world.audit.actions(Rejections.REJECTED))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).isEqualTo("nobody");
          assertThat(e.outcome()).isEqualTo("UNKNOWN_SOURCE");
        });
  }

  @Test
  void unknownSources_areAnsweredFromTheCachedInventory_withoutATableReadEach() {
    for (int i = 0; i < 50; i++) {
      world.send(request("POST", "/webhooks/made-up-" + i));
    }

    assertThat(world.inventory.calls("webhooks")).isEqualTo(1);
  }

  @Test
  void newlyAppliedSource_isFoundOnceTheInventoryTtlHasPassed() {
    String newSecret = Secrets.whsec();
    world.send(request("POST", "/webhooks/acme"));
    WebhookEntry late = world.source("late", "standard-webhooks", Map.of(), newSecret);

    assertThat(world.send(world.signed(late, newSecret, "{}")).getStatusCode()).isEqualTo(404);
    world.clock.advance(world.settings.inventoryTtl());
    assertThat(world.send(world.signed(late, newSecret, "{}")).getStatusCode()).isEqualTo(202);
  }

  @Test
  void nullEvent_andEventWithoutContext_areRejected_notThrown() {
    assertThat(world.send(null).getStatusCode()).isEqualTo(404);
    APIGatewayV2HTTPEvent noContext = world.signed(acme, secret, "{}");
    noContext.setRequestContext(null);
    assertThat(world.send(noContext).getStatusCode()).isEqualTo(405);
  }

  @Test
  void responses_areJson_andNeverCached() {
    APIGatewayV2HTTPResponse response = world.send(request("GET", "/webhooks/acme"));

    assertThat(response.getHeaders())
        .containsEntry("content-type", "application/json")
        .containsEntry("cache-control", "no-store");
    assertThat(response.getIsBase64Encoded()).isFalse();
  }
}
