package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void get_ignoresTheCaseOfNames() {
    Headers headers = Headers.of(Map.of("X-Hub-Signature-256", "sha256=ab"));

    assertThat(headers.get("x-hub-signature-256")).isEqualTo("sha256=ab");
    assertThat(headers.get("X-HUB-SIGNATURE-256")).isEqualTo("sha256=ab");
    assertThat(headers.get("x-hub-signature")).isNull();
    assertThat(headers.get(null)).isNull();
  }

  @Test
  void of_trimsValues_andDropsNullNamesAndValues() {
    Map<String, String> raw = new HashMap<>();
    raw.put("A", "  v \t");
    raw.put(null, "x");
    raw.put("B", null);

    Headers headers = Headers.of(raw);

    assertThat(headers.get("a")).isEqualTo("v");
    assertThat(headers.asMap()).containsOnlyKeys("a");
  }

  @Test
  void lowerCaseMapAsAFunctionUrlSendsIt_isReadAsItIs_withTrimmedValues_andEqualsItsCopy() {
    Map<String, String> functionUrl = new HashMap<>();
    functionUrl.put("webhook-id", " msg_1 ");
    functionUrl.put("content-type", "application/json");

    Headers headers = Headers.of(functionUrl);

    assertThat(headers.get("webhook-id")).isEqualTo("msg_1");
    assertThat(headers.get("Webhook-ID")).isEqualTo("msg_1");
    assertThat(headers.get("x-missing")).isNull();
    assertThat(headers.asMap()).containsEntry("webhook-id", "msg_1");
    assertThat(headers)
        .isEqualTo(Headers.of("Webhook-Id", "msg_1", "Content-Type", "application/json"));
  }

  @Test
  void toString_showsNamesButNeverValues() {
    Headers headers = Headers.of("Stripe-Signature", "t=1,v1=deadbeef");

    assertThat(headers.toString()).contains("stripe-signature").doesNotContain("deadbeef");
    assertThat(new WebhookRequest(new byte[] {1, 2}, headers).toString())
        .doesNotContain("deadbeef")
        .contains("2 bytes");
  }

  @Test
  void webhookRequest_comparesBodiesByContent() {
    Headers headers = Headers.of("a", "1");

    assertThat(new WebhookRequest(new byte[] {1}, headers))
        .isEqualTo(new WebhookRequest(new byte[] {1}, Headers.of("A", "1")))
        .isNotEqualTo(new WebhookRequest(new byte[] {2}, headers));
    assertThat(new WebhookRequest(null, null).body()).isEmpty();
  }
}
