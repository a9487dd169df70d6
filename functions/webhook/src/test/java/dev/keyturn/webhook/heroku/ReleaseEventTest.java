package dev.keyturn.webhook.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.forward.Payload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReleaseEventTest {

  private static java.util.Optional<ReleaseEvent> parse(String json) {
    return ReleaseEvent.succeeded(Payload.of(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void succeededRelease_yieldsAppIdAndVersion() {
    assertThat(
            parse(
                "{\"resource\":\"release\",\"action\":\"update\",\"data\":{\"id\":\"r-1\","
                    + "\"version\":7,\"status\":\"succeeded\",\"app\":{\"name\":\"web\"}},"
                    + "\"webhook_metadata\":{\"event\":{\"include\":\"api:release\"}}}"))
        .contains(new ReleaseEvent("web", "r-1", 7));
  }

  @Test
  void withoutVersionOrMetadata_stillParses() {
    assertThat(
            parse(
                "{\"resource\":\"release\",\"data\":{\"id\":\"r-2\",\"status\":\"succeeded\","
                    + "\"app\":{\"name\":\"web\"}}}"))
        .contains(new ReleaseEvent("web", "r-2", null));
  }

  @Test
  void missingFieldsWrongTypesOrOtherEvents_yieldNothing() {
    assertThat(parse("{\"resource\":\"release\",\"data\":{\"status\":\"succeeded\"}}")).isEmpty();
    assertThat(
            parse(
                "{\"resource\":\"release\",\"data\":{\"id\":1,\"status\":\"succeeded\","
                    + "\"app\":{\"name\":\"web\"}}}"))
        .isEmpty();
    assertThat(
            parse(
                "{\"resource\":\"release\",\"data\":{\"id\":\"r\",\"status\":\"succeeded\","
                    + "\"app\":{\"name\":\"web\"}},"
                    + "\"webhook_metadata\":{\"event\":{\"include\":\"api:build\"}}}"))
        .isEmpty();
    assertThat(parse("[1,2]")).isEmpty();
    assertThat(parse("not json")).isEmpty();
  }
}
