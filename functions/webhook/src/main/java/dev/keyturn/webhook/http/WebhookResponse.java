package dev.keyturn.webhook.http;

import dev.keyturn.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the function answers. Bodies are small fixed JSON documents: a rejection never says which
 * check failed and never carries request or secret material.
 */
public record WebhookResponse(int status, Map<String, String> headers, String body) {

  public static final String CONTENT_TYPE = "application/json";

  public WebhookResponse {
    headers = Map.copyOf(headers);
  }

  private static WebhookResponse json(int status, Map<String, ?> body) {
    return json(status, Map.of(), body);
  }

  private static WebhookResponse json(
      int status, Map<String, String> extraHeaders, Map<String, ?> body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", CONTENT_TYPE);
    headers.put("cache-control", "no-store");
    headers.putAll(extraHeaders);
    return new WebhookResponse(status, headers, Json.write(body));
  }

  /** 202: verified and forwarded. */
  public static WebhookResponse accepted(String deliveryId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accepted", true);
    if (deliveryId != null) {
      body.put("deliveryId", deliveryId);
    }
    return json(202, body);
  }

  /** 200: a delivery already accepted; not forwarded again. */
  public static WebhookResponse duplicate() {
    return json(200, Map.of("duplicate", true));
  }

  /**
   * 409: another request is handing this very delivery on right now; retry after it has finished
   * (or failed and released it).
   */
  public static WebhookResponse inFlight(long retryAfterSeconds) {
    return json(
        409,
        Map.of("retry-after", Long.toString(retryAfterSeconds)),
        Map.of("error", "delivery in progress"));
  }

  /** 400: a header or the body cannot be parsed. */
  public static WebhookResponse badRequest() {
    return json(400, Map.of("error", "bad request"));
  }

  /** 401: missing, stale or wrong signature; deliberately says no more. */
  public static WebhookResponse unauthorized() {
    return json(401, Map.of("error", "unauthorized"));
  }

  /** 404: no such route or source. */
  public static WebhookResponse notFound() {
    return json(404, Map.of("error", "not found"));
  }

  /** 405: anything but POST. */
  public static WebhookResponse methodNotAllowed() {
    return json(405, Map.of("allow", "POST"), Map.of("error", "method not allowed"));
  }

  /** 413: the body is larger than the configured limit. */
  public static WebhookResponse bodyTooLarge(long limitBytes) {
    return json(413, Map.of("error", "body too large", "limitBytes", limitBytes));
  }

  /** 413: verified, but the event would exceed what EventBridge accepts; never truncated. */
  public static WebhookResponse eventTooLarge(long eventBytes, long limitBytes) {
    return json(
        413,
        Map.of(
            "error",
            "event too large for EventBridge",
            "eventBytes",
            eventBytes,
            "limitBytes",
            limitBytes));
  }

  /** 500: the source is misconfigured or keyturn failed; the provider should retry later. */
  public static WebhookResponse internalError() {
    return json(500, Map.of("error", "internal error"));
  }

  /** 503: AWS (table, secrets, event bus) failed; the provider should retry later. */
  public static WebhookResponse unavailable() {
    return json(503, Map.of("retry-after", "5"), Map.of("error", "temporarily unavailable"));
  }

  /** The rejection for an HTTP status a scheme asked for (400 or 401). */
  public static WebhookResponse rejection(int status) {
    return status == 400 ? badRequest() : unauthorized();
  }
}
