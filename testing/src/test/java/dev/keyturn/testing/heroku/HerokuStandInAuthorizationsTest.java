package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Create, list and delete OAuth authorizations: what a create-new, revoke-old rotation uses. */
@WithHerokuStandIn
class HerokuStandInAuthorizationsTest {

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInAuthorizationsTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @Test
  void create_answers201_withANewLiveToken_andKeepsTheOtherAuthorizations() {
    OAuthAuthorization existing = standIn.seedAuthorization("keyturn rotation");

    Reply reply =
        api.as(existing.accessToken())
            .post(
                "/oauth/authorizations",
                "{\"scope\":[\"global\"],\"description\":\"keyturn HK_PLATFORM_FULL v2\"}");

    assertThat(reply.status()).isEqualTo(201);
    UUID id = UUID.fromString(reply.body().path("id").asText());
    String token = reply.body().path("access_token").path("token").asText();
    assertThat(reply.body().path("description").asText()).isEqualTo("keyturn HK_PLATFORM_FULL v2");
    assertThat(reply.body().path("scope").get(0).asText()).isEqualTo("global");
    assertThat(standIn.authenticates(token)).isTrue();
    assertThat(standIn.authenticates(existing.accessToken())).isTrue();
    assertThat(standIn.authorizations())
        .extracting(OAuthAuthorization::id)
        .containsExactly(existing.id(), id);
    standIn.assertNoContractViolations();
  }

  @Test
  void create_withoutScope_breaksTheContract() {
    Reply reply = api.post("/oauth/authorizations", "{\"description\":\"no scope\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations())
        .extracting(ContractViolation::kind)
        .containsExactly(ContractViolation.Kind.REQUEST);
    assertThat(standIn.authorizations()).isEmpty();
    standIn.clearContractViolations();
  }

  @Test
  void list_showsTheUsersAuthorizations_withTheirDescriptions() {
    standIn.seedAuthorization("first");
    standIn.seedAuthorization("second");

    Reply reply = api.get("/oauth/authorizations");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).hasSize(2);
    assertThat(reply.body().get(1).path("description").asText()).isEqualTo("second");
    standIn.assertNoContractViolations();
  }

  @Test
  void delete_revokesTheToken_andASecondDeleteIsNotFound() {
    OAuthAuthorization old = standIn.seedAuthorization("old");
    OAuthAuthorization current = standIn.seedAuthorization("current");

    Reply first = api.as(current.accessToken()).delete("/oauth/authorizations/" + old.id());
    Reply second = api.as(current.accessToken()).delete("/oauth/authorizations/" + old.id());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("id").asText()).isEqualTo(old.id().toString());
    assertThat(standIn.authenticates(old.accessToken())).isFalse();
    assertThat(standIn.hasAuthorization(old.id())).isFalse();
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.errorId()).isEqualTo("not_found");
    assertThat(standIn.authenticates(current.accessToken())).isTrue();
    standIn.assertNoContractViolations();
  }

  @Test
  void delete_appliedButAnsweredLate_hasTakenEffect() throws Exception {
    OAuthAuthorization old = standIn.seedAuthorization("old");
    String path = "/oauth/authorizations/" + old.id();
    standIn.delayNext(1, java.time.Duration.ofSeconds(3));

    try {
      api.sendExpectingTimeout(api.request(path).DELETE(), java.time.Duration.ofMillis(500));
    } catch (java.net.http.HttpTimeoutException expected) {
      // the client gave up; the stand-in deletes it before holding the answer back
    }

    // the request is logged after it took effect (bounded wait: a loaded machine is slow)
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (standIn.count("DELETE", path) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(standIn.count("DELETE", path)).isEqualTo(1);
    assertThat(standIn.hasAuthorization(old.id())).isFalse();
  }
}
