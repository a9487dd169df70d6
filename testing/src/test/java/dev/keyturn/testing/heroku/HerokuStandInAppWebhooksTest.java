package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * App webhooks, answered and checked against Heroku's schema (the extension fails on violations).
 */
@WithHerokuStandIn
class HerokuStandInAppWebhooksTest {

  private static final String SECRET = "kt-seed-hook-secret-0123456789";

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInAppWebhooksTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @Test
  void info_describesTheSubscription_neverItsSecret() {
    standIn.createApp("billing");
    UUID id = standIn.createAppWebhook("billing", "https://hooks.example/heroku", "old");

    Reply reply = api.get("/apps/billing/webhooks/" + id);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("id").asText()).isEqualTo(id.toString());
    assertThat(reply.body().path("url").asText()).isEqualTo("https://hooks.example/heroku");
    assertThat(reply.body().path("app").path("name").asText()).isEqualTo("billing");
    assertThat(reply.body().has("secret")).isFalse();
    assertThat(reply.raw().body()).doesNotContain("old");
  }

  @Test
  void update_setsTheSigningSecret_andMovesUpdatedAt() {
    standIn.createApp("billing");
    UUID id = standIn.createAppWebhook("billing", "https://hooks.example/heroku", "old");

    Reply reply = api.patch("/apps/billing/webhooks/" + id, "{\"secret\":\"" + SECRET + "\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().body()).doesNotContain(SECRET);
    assertThat(standIn.appWebhookSignsWith("billing", id, SECRET)).isTrue();
    assertThat(standIn.appWebhookSecret("billing", id)).hasValue(SECRET);
    assertThat(standIn.requests().getLast().toString()).doesNotContain(SECRET);
  }

  @Test
  void createListAndDelete_followTheSchema() {
    standIn.createApp("billing");

    Reply created =
        api.send(
            api.request("/apps/billing/webhooks")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"include\":[\"api:release\"],\"level\":\"sync\","
                            + "\"url\":\"https://hooks.example/h\",\"secret\":\"s\"}")));
    String id = created.body().path("id").asText();

    assertThat(created.status()).isEqualTo(201);
    assertThat(api.get("/apps/billing/webhooks").body()).hasSize(1);
    assertThat(api.send(api.request("/apps/billing/webhooks/" + id).DELETE()).status())
        .isEqualTo(200);
    assertThat(api.get("/apps/billing/webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void aWebhookOfAnotherApp_orAnUnknownOne_isNotFound() {
    standIn.createApp("billing");
    standIn.createApp("other");
    UUID id = standIn.createAppWebhook("billing", "https://hooks.example/heroku", "old");

    assertThat(api.get("/apps/other/webhooks/" + id).status()).isEqualTo(404);
    assertThat(
            api.patch("/apps/billing/webhooks/" + UUID.randomUUID(), "{\"secret\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(standIn.appWebhookSignsWith("billing", id, "old")).isTrue();
  }
}
