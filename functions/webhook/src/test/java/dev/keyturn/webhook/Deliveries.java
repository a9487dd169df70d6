package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import dev.keyturn.webhook.forward.Payload;
import dev.keyturn.webhook.http.Route;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.verify.DeliveryCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Deliveries signed the way a provider signs them, shaped as the Function URL event Lambda would
 * pass the handler ({@link LocalFunctionUrl}). Uses the schemes' own signing side with the source's
 * inventory options. (The demo signs its deliveries the same way, in {@code cli/demo}.)
 */
public final class Deliveries {

  private Deliveries() {}

  /**
   * A {@code POST /webhooks/{source}} delivery of {@code body}, signed with {@code secret} at
   * {@code at} under a fresh delivery id.
   */
  public static APIGatewayV2HTTPEvent signed(
      WebhookEntry source, String secret, String body, Instant at) {
    return signed(
        source,
        secret,
        body.getBytes(StandardCharsets.UTF_8),
        at,
        "msg_" + UUID.randomUUID().toString().replace("-", ""));
  }

  /**
   * A {@code POST /webhooks/{source}} delivery of {@code body}, signed with {@code secret}.
   *
   * @param deliveryId the id to send (schemes that sign one require it to be free of '.')
   * @throws dev.keyturn.webhook.scheme.InvalidSigningInputException if the scheme cannot use the
   *     secret or the id
   */
  public static APIGatewayV2HTTPEvent signed(
      WebhookEntry source, String secret, byte[] body, Instant at, String deliveryId) {
    Map<String, String> options =
        DeliveryCheck.schemeOptions(source.options(), source.toleranceSeconds());
    Map<String, String> signature =
        Schemes.signer(source.scheme(), options).sign(secret, body, at, deliveryId);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("user-agent", "keyturn-demo");
    headers.put(
        "content-type",
        Payload.of(body).isJson() ? "application/json" : "application/octet-stream");
    headers.putAll(signature);
    return LocalFunctionUrl.event("POST", Route.PREFIX + source.source(), headers, body, at);
  }
}
