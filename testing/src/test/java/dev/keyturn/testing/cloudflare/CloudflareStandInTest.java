package dev.keyturn.testing.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.heroku.ContractViolation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudflareStandInTest {

  static CloudflareStandIn cloudflare;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String PATH = "/accounts/acc1/workers/scripts/edge/secrets";

  @BeforeAll
  static void start() {
    cloudflare = CloudflareStandIn.start();
  }

  @AfterAll
  static void stop() {
    cloudflare.close();
  }

  @BeforeEach
  void reset() {
    cloudflare.reset();
    cloudflare.createScript("acc1", "edge");
  }

  static HttpResponse<String> send(String method, String path, String body, String auth)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + path));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String bearer() {
    return "Bearer " + cloudflare.defaultToken();
  }

  @Test
  void put_list_delete_answerInTheV4Envelope() throws Exception {
    var put =
        send(
            "PUT",
            PATH,
            "{\"name\":\"API_KEY\",\"text\":\"v-1\",\"type\":\"secret_text\"}",
            bearer());
    var list = send("GET", PATH, null, bearer());
    var delete = send("DELETE", PATH + "/API_KEY", null, bearer());
    var again = send("DELETE", PATH + "/API_KEY", null, bearer());

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.body())
        .contains(
            "\"success\":true", "\"errors\":[]", "\"messages\":[]", "\"type\":\"secret_text\"")
        .doesNotContain("v-1");
    assertThat(list.body())
        .contains("\"result\":[{\"name\":\"API_KEY\",\"type\":\"secret_text\"}]");
    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("\"success\":false", "\"code\":10056");
    assertThat(cloudflare.versions("acc1", "edge")).isEqualTo(3);
    assertThat(cloudflare.contractViolations()).isEmpty();
  }

  @Test
  void contract_refusesAnotherBodyShape_andAnotherAuthScheme_asViolations() throws Exception {
    var extraField =
        send(
            "PUT",
            PATH,
            "{\"name\":\"A\",\"text\":\"v\",\"type\":\"secret_text\",\"x\":1}",
            bearer());
    var wrongType =
        send("PUT", PATH, "{\"name\":\"A\",\"text\":\"v\",\"type\":\"plain_text\"}", bearer());
    var legacyAuth = send("GET", PATH, null, "X-Auth-Key abc");
    var badToken = send("GET", PATH, null, "Bearer nope");

    assertThat(extraField.statusCode()).isEqualTo(400);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(legacyAuth.statusCode()).isEqualTo(400);
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(cloudflare.contractViolations())
        .hasSize(3)
        .allSatisfy(v -> assertThat(v.kind()).isEqualTo(ContractViolation.Kind.REQUEST));
    assertThat(cloudflare.secretNames("acc1", "edge")).isEmpty();
  }

  @Test
  void faults_429WithRetryAfter_and5xx() throws Exception {
    cloudflare.rateLimitNext(1, 30);
    cloudflare.failNext(1, 500);

    var limited = send("GET", PATH, null, bearer());
    var failed = send("GET", PATH, null, bearer());

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("\"success\":false");
  }
}
