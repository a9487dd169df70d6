package dev.keyturn.inventory.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.json.Json.JsonException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEntryCodecTest {

  static List<WebhookEntry> storedShapes() {
    return List.of(
        new WebhookEntry("freescout", "freescout", "FS_WEBHOOK", null, Map.of()),
        new WebhookEntry(
            "stripe", "stripe", "STRIPE_WHSEC", 600, Map.of("replayTtl", "P1D"), null, "PT0S"),
        new WebhookEntry(
            "generic",
            "hmac",
            "GENERIC",
            null,
            Map.of("header", "X-Sig", "algorithm", "sha256", "encoding", "hex"),
            null,
            null),
        new WebhookEntry(
            "heroku-app",
            "heroku",
            "HEROKU_HOOK",
            null,
            Map.of(),
            new SenderBinding.Heroku("shop-prod", "01234567-89ab-cdef-0123-456789abcdef"),
            "PT2H"),
        new WebhookEntry(
            "gh",
            "github",
            "GH_HOOK",
            300,
            Map.of("keyType", "hmac"),
            new SenderBinding.Github("acme/shop", 9_876_543_210L)));
  }

  @ParameterizedTest
  @MethodSource("storedShapes")
  void read_returnsTheEntryWritten_forEveryStoredShape(WebhookEntry entry) {
    String stored = WebhookEntryCodec.write(entry);

    assertThat(WebhookEntryCodec.read(stored)).isEqualTo(entry);
  }

  @ParameterizedTest
  @MethodSource("storedShapes")
  void read_agreesWithJacksonRecordBinding_forEveryStoredShape(WebhookEntry entry) {
    String stored = Json.write(entry);

    assertThat(WebhookEntryCodec.read(stored)).isEqualTo(Json.read(stored, WebhookEntry.class));
  }

  @Test
  void write_keepsTheStoredFormApplyCompares() {
    WebhookEntry entry = storedShapes().get(3);

    assertThat(WebhookEntryCodec.write(entry)).isEqualTo(Json.write(entry));
  }

  @Test
  void read_ignoresUnknownFields_likeTheSharedMapper() {
    String stored =
        "{\"source\":\"s\",\"scheme\":\"stripe\",\"secret\":\"S\",\"toleranceSeconds\":null,"
            + "\"options\":{},\"addedLater\":{\"x\":1}}";

    assertThat(WebhookEntryCodec.read(stored))
        .isEqualTo(new WebhookEntry("s", "stripe", "S", null, Map.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{\"source\":\"s\",\"scheme\":\"x\",\"secret\":\"S\"}",
        "{\"source\":\"s\",\"options\":{\"a\":{\"nested\":1}}}",
        "{\"source\":\"s\",\"options\":{},\"toleranceSeconds\":1.5}",
        "{\"source\":\"s\",\"options\":{},\"sender\":{\"gitlab\":{\"id\":1}}}",
        "{\"source\":\"s\",\"options\":{},\"sender\":{\"github\":{\"repo\":\"o/r\"}}}",
        "{\"source\":{\"a\":1},\"options\":{}}"
      })
  void read_failsWithOneLineNamingTheType_neverEchoingTheInput(String stored) {
    assertThatThrownBy(() -> WebhookEntryCodec.read(stored))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("WebhookEntry")
        .hasMessageNotContaining("nested")
        .hasMessageNotContaining("gitlab");
  }
}
