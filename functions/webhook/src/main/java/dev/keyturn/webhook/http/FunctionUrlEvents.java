package dev.keyturn.webhook.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps between the Function URL / HTTP API payload v2.0 and the service's request and response. A
 * malformed event (missing context, null maps) maps to a request that is rejected, never to an
 * exception.
 */
public final class FunctionUrlEvents {

  private FunctionUrlEvents() {}

  public static InboundRequest request(APIGatewayV2HTTPEvent event) {
    if (event == null) {
      return new InboundRequest(null, null, Map.of(), null, false);
    }
    return new InboundRequest(
        method(event), event.getRawPath(), event.getHeaders(), event.getBody(), isBase64(event));
  }

  public static APIGatewayV2HTTPResponse response(WebhookResponse response) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(new HashMap<>(response.headers()))
        .withBody(response.body())
        .withIsBase64Encoded(false)
        .build();
  }

  private static String method(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    if (context == null || context.getHttp() == null) {
      return null;
    }
    return context.getHttp().getMethod();
  }

  private static boolean isBase64(APIGatewayV2HTTPEvent event) {
    return event.getIsBase64Encoded();
  }
}
