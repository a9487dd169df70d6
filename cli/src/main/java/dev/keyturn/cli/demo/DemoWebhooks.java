package dev.keyturn.cli.demo;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.webhook.DemoDelivery;
import dev.keyturn.webhook.WebhookHandler;
import java.time.Instant;

/** Sends signed deliveries through the real {@link WebhookHandler} and reports the answers. */
final class DemoWebhooks {

  private final WebhookHandler handler;
  private final WebhookEntry source;
  private final Narrator say;

  DemoWebhooks(WebhookHandler handler, WebhookEntry source, Narrator say) {
    this.handler = handler;
    this.source = source;
    this.say = say;
  }

  /** Signs {@code body} with {@code secret} and delivers it; returns the HTTP status. */
  int deliver(String label, String secret, String body) {
    return send(label, DemoDelivery.signed(source, secret, body, Instant.now()));
  }

  /** Delivers an event as it is (e.g. a replay). */
  int send(String label, APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event, LocalLambdaContext.of("keyturn-webhook"));
    say.detail("%-46s -> %d %s", label, response.getStatusCode(), response.getBody());
    return response.getStatusCode();
  }
}
