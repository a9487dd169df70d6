package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every test here provokes violations on purpose, checks them, and clears them afterwards. */
@WithHerokuStandIn
class HerokuStandInContractTest {

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInContractTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @AfterEach
  void violationsWereExpected() {
    standIn.clearContractViolations();
  }

  @Test
  void patchWithNumberValue_isRejected_andChangesNothing() {
    standIn.createApp("billing", Map.of("A", "1"));

    Reply reply = api.patch("/apps/billing/config-vars", "{\"A\":2}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorId()).isEqualTo("contract_violation");
    assertThat(standIn.contractViolations())
        .singleElement()
        .satisfies(violation -> {
          assertThat(violation.kind()).isEqualTo(ContractViolation.Kind.REQUEST);
          assertThat(violation.message()).contains("request body").contains("/A");
        });
    assertThat(standIn.releases("billing")).hasSize(1);
    assertThat(standIn.hasConfigVar("billing", "A", "1")).isTrue();
  }

  @Test
  void patchWithInvalidVarName_isRejected() {
    standIn.createApp("billing");

    Reply reply = api.patch("/apps/billing/config-vars", "{\"NOT-A-WORD\":\"x\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations()).hasSize(1);
  }

  @Test
  void missingAcceptHeader_isAViolation() {
    standIn.createApp("billing");

    Reply reply =
        api.send(
            HttpRequest.newBuilder(standIn.baseUrl().resolve("/apps/billing/config-vars"))
                .header("Authorization", "Bearer " + standIn.defaultToken()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations().getFirst().message()).contains("Accept header missing");
  }

  @Test
  void wrongApiVersion_isAViolation() {
    standIn.createApp("billing");

    Reply reply =
        api.send(
            HttpRequest.newBuilder(standIn.baseUrl().resolve("/apps/billing/config-vars"))
                .header("Authorization", "Bearer " + standIn.defaultToken())
                .header("Accept", "application/json"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations()).hasSize(1);
  }

  @Test
  void patchWithoutJsonContentType_isAViolation() {
    standIn.createApp("billing");

    Reply reply =
        api.send(
            api.request("/apps/billing/config-vars")
                .header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"A\":\"1\"}")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations().getFirst().message()).contains("Content-Type");
    assertThat(standIn.releases("billing")).hasSize(1);
  }

  @Test
  void patchWithoutBody_isAViolation() {
    standIn.createApp("billing");

    Reply reply =
        api.send(
            api.request("/apps/billing/config-vars")
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations().getFirst().message()).contains("body required");
  }

  @Test
  void unknownRoute_isNotFound_andAViolation() {
    Reply reply = api.get("/apps/billing/secrets");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorId()).isEqualTo("not_found");
    assertThat(standIn.contractViolations())
        .extracting(ContractViolation::kind)
        .containsExactly(ContractViolation.Kind.REQUEST);
  }

  @Test
  void appIdentityOutsideHerokusNamePattern_isAViolation() {
    Reply reply = api.get("/apps/Not_An_App/config-vars");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(standIn.contractViolations().getFirst().message())
        .contains("#/definitions/app/definitions/identity");
  }

  @Test
  void routeHerokuHasButTheStandInLacks_isReportedAsUnsupported() {
    Reply reply = api.get("/apps");

    assertThat(reply.status()).isEqualTo(501);
    assertThat(standIn.contractViolations())
        .extracting(ContractViolation::kind)
        .containsExactly(ContractViolation.Kind.UNSUPPORTED);
  }

  @Test
  void answerThatBreaksTheTargetSchema_isRecordedAsResponseViolation() {
    // Heroku's schema only allows \w+ names; an app seeded with another name makes the
    // stand-in's own answer invalid, which it must notice
    standIn.createApp("billing", Map.of("BAD-NAME", "x"));

    Reply reply = api.get("/apps/billing/config-vars");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(standIn.contractViolations())
        .singleElement()
        .satisfies(violation -> {
          assertThat(violation.kind()).isEqualTo(ContractViolation.Kind.RESPONSE);
          assertThat(violation.message()).contains("BAD-NAME");
        });
  }

  @Test
  void assertNoContractViolations_listsEveryViolation() {
    api.get("/nowhere");
    api.get("/elsewhere");

    assertThatThrownBy(standIn::assertNoContractViolations)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(2)")
        .hasMessageContaining("/nowhere")
        .hasMessageContaining("/elsewhere");
  }

  @Test
  void violationMessages_neverContainTheRejectedValue() {
    standIn.createApp("billing");

    api.patch("/apps/billing/config-vars", "{\"A\":123456789}");
    api.patch("/apps/billing/config-vars", "{\"B\":[\"s3cr3t-value\"]}");

    assertThat(standIn.contractViolations()).hasSize(2);
    assertThat(standIn.contractViolations().toString().contains("123456789")).isFalse();
    assertThat(standIn.contractViolations().toString().contains("s3cr3t-value")).isFalse();
  }
}
