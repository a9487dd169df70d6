package dev.keyturn.webhook.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardedEventTest {

  private static Payload of(String text) {
    return Payload.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void detail_wrapsTheBody_withDeliveryIdAndReplayKey() {
    ForwardedEvent event = ForwardedEvent.of("stripe", "evt_1", "sha256:ab", of("{\"x\":[1]}"));

    assertThat(event.source()).isEqualTo("keyturn.webhook");
    assertThat(event.detailType()).isEqualTo("stripe");
    assertThat(Json.map(event.detail()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "deliveryId", "evt_1",
                "replayKey", "sha256:ab",
                "bodyFormat", "json",
                "body", Map.of("x", java.util.List.of(1))));
  }

  @Test
  void missingDeliveryId_isNull() {
    ForwardedEvent event = ForwardedEvent.of("heroku", null, "sha256:cd", of("text"));

    assertThat(Json.map(event.detail())).containsEntry("deliveryId", null);
  }

  @Test
  void size_countsUtf8BytesOfSourceDetailTypeAndDetail() {
    ForwardedEvent event = ForwardedEvent.of("é", "id", "k", of("\"ü\""));

    long expected =
        "keyturn.webhook".length() + 2 + event.detail().getBytes(StandardCharsets.UTF_8).length;
    assertThat(event.sizeBytes()).isEqualTo(expected);
  }

  @Test
  void fitsEventBridge_upTo256KiB() {
    String pad = "x".repeat(262_144 - 300);
    ForwardedEvent event = ForwardedEvent.of("s", "id", "k", of(pad));
    int room = (int) (ForwardedEvent.MAX_ENTRY_BYTES - event.sizeBytes());

    assertThat(ForwardedEvent.of("s", "id", "k", of(pad + "x".repeat(room))).fitsEventBridge())
        .isTrue();
    assertThat(ForwardedEvent.of("s", "id", "k", of(pad + "x".repeat(room + 1))).fitsEventBridge())
        .isFalse();
  }
}
