package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@WithHerokuStandIn
class HerokuStandInAuthTest {

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInAuthTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @Test
  void account_describesTheTokensUser() {
    Reply reply = api.get("/account");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("id").asText()).isEqualTo(standIn.user().id().toString());
    assertThat(reply.body().path("email").asText()).isEqualTo(standIn.user().email());
  }

  @Test
  void unknownToken_isUnauthorized_withoutViolation() {
    Reply reply = api.as("HRKU-not-a-real-token").get("/account");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorId()).isEqualTo("unauthorized");
    assertThat(standIn.contractViolations()).isEmpty();
  }

  @Test
  void registeredToken_authenticates_untilRevoked() {
    standIn.registerToken("HRKU-extra");

    assertThat(api.as("HRKU-extra").get("/account").status()).isEqualTo(200);
    standIn.revokeToken("HRKU-extra");
    assertThat(api.as("HRKU-extra").get("/account").status()).isEqualTo(401);
  }

  @Test
  void missingAuthorization_isUnauthorized_andAViolation() {
    Reply reply =
        api.send(
            java.net.http.HttpRequest.newBuilder(standIn.baseUrl().resolve("/account"))
                .header("Accept", ApiCalls.ACCEPT));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(standIn.contractViolations())
        .extracting(ContractViolation::kind)
        .containsExactly(ContractViolation.Kind.REQUEST);
    standIn.clearContractViolations();
  }

  @Test
  void authorizationInfo_showsTheCurrentAccessToken() {
    OAuthAuthorization seeded = standIn.seedAuthorization("keyturn sync");

    Reply reply = api.get("/oauth/authorizations/" + seeded.id());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("description").asText()).isEqualTo("keyturn sync");
    String shown = reply.body().path("access_token").path("token").asText();
    assertThat(shown.equals(seeded.accessToken())).isTrue();
  }

  @Test
  void seededAuthorizationsToken_authenticates() {
    OAuthAuthorization seeded = standIn.seedAuthorization("keyturn sync");

    assertThat(api.as(seeded.accessToken()).get("/account").status()).isEqualTo(200);
  }

  @Test
  void regenerate_issuesANewToken_andTheOldOneStopsWorking() {
    OAuthAuthorization seeded = standIn.seedAuthorization("keyturn sync");
    String oldToken = seeded.accessToken();

    Reply reply =
        api.as(oldToken)
            .post("/oauth/authorizations/" + seeded.id() + "/actions/regenerate-tokens");

    assertThat(reply.status()).isEqualTo(200);
    String newToken = reply.body().path("access_token").path("token").asText();
    assertThat(newToken.equals(oldToken)).isFalse();
    assertThat(newToken.equals(standIn.currentAccessToken(seeded.id()))).isTrue();
    assertThat(api.as(oldToken).get("/account").status()).isEqualTo(401);
    assertThat(api.as(newToken).get("/account").status()).isEqualTo(200);
  }

  @Test
  void regenerate_forUnknownAuthorization_isNotFound() {
    Reply reply =
        api.post("/oauth/authorizations/" + UUID.randomUUID() + "/actions/regenerate-tokens");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorId()).isEqualTo("not_found");
  }

  @Test
  void authorizationToString_masksTheToken() {
    OAuthAuthorization seeded = standIn.seedAuthorization("keyturn sync");

    assertThat(seeded.toString().contains(seeded.accessToken())).isFalse();
  }
}
