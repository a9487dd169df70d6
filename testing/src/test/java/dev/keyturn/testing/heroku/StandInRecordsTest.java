package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-in's records of requests and answers never print config values. */
class StandInRecordsTest {

  static final String VALUE = "s3cr3t-config-value";

  @Test
  void incomingConfigVarsPatch_printsMethodPathAndSize_notTheValues() throws Exception {
    String body = "{\"API_KEY\":\"" + VALUE + "\"}";
    IncomingRequest request =
        new IncomingRequest(
            "PATCH",
            "/apps/web/config-vars",
            null,
            Map.of("Content-Type", List.of("application/json")),
            body.getBytes(StandardCharsets.UTF_8),
            new ObjectMapper().readTree(body));

    assertThat(request.toString()).doesNotContain(VALUE).contains("PATCH /apps/web/config-vars");
  }

  @Test
  void configVarsAnswer_printsStatusAndFieldNames_notTheValues() throws Exception {
    ApiResponse response =
        ApiResponse.ok(new ObjectMapper().readTree("{\"API_KEY\":\"" + VALUE + "\"}"));

    assertThat(response.toString()).doesNotContain(VALUE).contains("API_KEY").contains("200");
  }
}
