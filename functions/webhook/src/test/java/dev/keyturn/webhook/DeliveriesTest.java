package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.WebhookEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deliveries signed by the schemes' own signing side are what the providers send, and the service
 * accepts them.
 */
class DeliveriesTest {

  final WebhookWorld world = new WebhookWorld();

  @ParameterizedTest
  @CsvSource({
    "standard-webhooks,whsec",
    "stripe,hex",
    "slack,hex",
    "github,hex",
    "heroku,hex",
    "shopify,hex",
    "freescout,hex",
    "generic-hmac,hex"
  })
  void signedDelivery_isAcceptedByTheService_forEveryScheme(String scheme, String form) {
    String secret = form.equals("whsec") ? Secrets.whsec() : Secrets.hex();
    Map<String, String> options =
        scheme.equals("generic-hmac") ? Map.of("header", "X-Signature") : Map.of();
    WebhookEntry source = world.source("demo-" + scheme, scheme, options, secret);

    APIGatewayV2HTTPEvent event = world.signed(source, secret, "{\"demo\":true}");

    assertThat(world.send(event).getStatusCode()).isEqualTo(202);
  }

  @Test
  void event_looksLikeAFunctionUrlEvent() {
    String secret = Secrets.hex();
    WebhookEntry github = world.source("gh", "github", Map.of(), secret);

    APIGatewayV2HTTPEvent event = world.signed(github, secret, "{}", "d-9");

    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRawPath()).isEqualTo("/webhooks/gh");
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    assertThat(event.getHeaders())
        .containsKeys("x-hub-signature-256", "content-type")
        .containsEntry("x-github-delivery", "d-9");
    assertThat(event.getHeaders().keySet()).allMatch(n -> n.equals(n.toLowerCase()));
    assertThat(event.getIsBase64Encoded()).isFalse();
  }

  @Test
  void deliveriesSignedWithAnOldAndANewSecret_bothVerifyDuringTheOverlap() {
    String old = Secrets.hex();
    String fresh = Secrets.hex();
    WebhookEntry github = world.source("gh", "github", Map.of(), old);
    world.secrets.stagePending(WebhookWorld.secretSource("gh"), fresh);
    world.secrets.finishRotation(WebhookWorld.secretSource("gh"));

    assertThat(world.send(world.signed(github, old, "{\"n\":1}")).getStatusCode()).isEqualTo(202);
    assertThat(world.send(world.signed(github, fresh, "{\"n\":2}")).getStatusCode()).isEqualTo(202);
  }
}
