package dev.keyturn.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Heroku requests and answers carry config values: their records never print them. */
class HerokuTransportRecordsTest {

  static final String VALUE = "postgres://user:s3cr3t-config-value@db/prod";

  @Test
  void configVarsPatch_printsMethodPathAndSize_notTheValues() {
    HerokuTransport.Call call =
        HerokuTransport.Call.change(
            "PATCH", "/apps/web/config-vars", "{\"DATABASE_URL\":\"" + VALUE + "\"}");

    assertThat(call.toString())
        .doesNotContain(VALUE)
        .doesNotContain("s3cr3t")
        .contains("PATCH /apps/web/config-vars");
  }

  @Test
  void headerValues_areLeftOut() {
    HerokuTransport.Call call =
        HerokuTransport.Call.get("/apps/web/releases", Map.of("Range", "version ..; " + VALUE));

    assertThat(call.toString()).doesNotContain(VALUE).contains("Range");
  }

  @Test
  void configVarsAnswer_printsStatusAndSize_notTheValues() {
    HerokuTransport.Response response =
        new HerokuTransport.Response(200, "{\"DATABASE_URL\":\"" + VALUE + "\"}");

    assertThat(response.toString()).doesNotContain(VALUE).contains("200");
  }
}
