package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.webhook.forward.Payload;
import dev.keyturn.webhook.http.Route;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.verify.DeliveryCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Deliveries signed the way a provider signs them, shaped as the Function URL event Lambda would
 * pass the handler: for {@code keyturn demo} (one delivery signed with the old secret, one with the
 * new) and for tests. Uses the schemes' own signing side with the source's inventory options.
 */
public final class DemoDelivery {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DemoDelivery() {}

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
    return functionUrlEvent("POST", Route.PREFIX + source.source(), headers, body, at);
  }

  /**
   * A Function URL (payload v2.0) event as Lambda builds it: header names in lower case, the body
   * as text when it is UTF-8 and base64 otherwise.
   */
  public static APIGatewayV2HTTPEvent functionUrlEvent(
      String method, String path, Map<String, String> headers, byte[] body, Instant at) {
    Map<String, String> lowerCased = new LinkedHashMap<>();
    headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
    Payload payload = Payload.of(body);
    boolean base64 = payload.format() == Payload.Format.BASE64;
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(lowerCased)
        .withBody(base64 ? Base64.getEncoder().encodeToString(body) : payload.text())
        .withIsBase64Encoded(base64)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("anonymous")
                .withApiId("keyturn-demo")
                .withDomainName("keyturn-demo.lambda-url.us-east-1.on.aws")
                .withDomainPrefix("keyturn-demo")
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey("$default")
                .withStage("$default")
                .withTime(REQUEST_TIME.format(at))
                .withTimeEpoch(at.toEpochMilli())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .withUserAgent("keyturn-demo")
                        .build())
                .build())
        .build();
  }
}
