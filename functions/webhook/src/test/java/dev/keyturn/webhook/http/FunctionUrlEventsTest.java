package dev.keyturn.webhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionUrlEventsTest {

  @Test
  void request_takesMethodRawPathHeadersBodyAndBase64Flag() {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRawPath("/webhooks/a")
            .withHeaders(Map.of("x-a", "1"))
            .withBody("Ym9keQ==")
            .withIsBase64Encoded(true)
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("POST")
                            .build())
                    .build())
            .build();

    assertThat(FunctionUrlEvents.request(event))
        .isEqualTo(new InboundRequest("POST", "/webhooks/a", Map.of("x-a", "1"), "Ym9keQ==", true));
  }

  @Test
  void request_fromAnEmptyEvent_hasNoMethodOrPath() {
    InboundRequest request = FunctionUrlEvents.request(new APIGatewayV2HTTPEvent());

    assertThat(request.method()).isNull();
    assertThat(request.path()).isNull();
    assertThat(request.base64Encoded()).isFalse();
  }

  @Test
  void response_carriesStatusHeadersAndBody_asText() {
    APIGatewayV2HTTPResponse response =
        FunctionUrlEvents.response(WebhookResponse.methodNotAllowed());

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.getHeaders()).containsEntry("allow", "POST");
    assertThat(response.getBody()).isEqualTo("{\"error\":\"method not allowed\"}");
    assertThat(response.getIsBase64Encoded()).isFalse();
  }

  @Test
  void inboundRequest_toString_showsNoHeadersOrBody() {
    assertThat(
            new InboundRequest(
                    "POST", "/webhooks/a", Map.of("sig", "kt-seed-sig"), "kt-seed-b", false)
                .toString())
        .doesNotContain("kt-seed");
  }
}
