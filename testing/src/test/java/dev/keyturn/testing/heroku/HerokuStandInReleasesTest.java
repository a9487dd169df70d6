package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithHerokuStandIn
class HerokuStandInReleasesTest {

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInReleasesTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @BeforeEach
  void appWithFourReleases() {
    standIn.createApp("billing");
    api.patch("/apps/billing/config-vars", "{\"A\":\"1\"}");
    api.patch("/apps/billing/config-vars", "{\"B\":\"2\"}");
    api.patch("/apps/billing/config-vars", "{\"A\":null}");
  }

  @Test
  void list_withoutRange_returnsAllReleasesByVersion() {
    Reply reply = api.get("/apps/billing/releases");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(versions(reply.body())).containsExactly(1, 2, 3, 4);
    assertThat(reply.header("Next-Range")).isNull();
    assertThat(reply.header("Content-Range")).isEqualTo("version 1..4");
  }

  @Test
  void list_releaseObjects_carryTheFieldsHerokuPublishes() {
    JsonNode latest = api.get("/apps/billing/releases").body().get(3);

    assertThat(latest.path("status").asText()).isEqualTo("succeeded");
    assertThat(latest.path("current").asBoolean()).isTrue();
    assertThat(latest.path("description").asText()).isEqualTo("Remove A config var");
    assertThat(latest.path("app").path("name").asText()).isEqualTo("billing");
    assertThat(latest.path("user").path("email").asText()).isEqualTo(standIn.user().email());
    assertThat(latest.path("slug").isNull()).isTrue();
    assertThat(latest.path("addon_plan_names").isArray()).isTrue();
  }

  @Test
  void releasePhase_keepsNewReleasesPending_forTheirFirstStatusReads_thenSucceeds() {
    standIn.releasePhase("billing", 2, "succeeded");
    api.patch("/apps/billing/config-vars", "{\"C\":\"3\"}");
    String id = standIn.releases("billing").getLast().id().toString();

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(api.get("/apps/billing/releases/" + id).body().path("status").asText());
    }

    assertThat(seen).containsExactly("pending", "pending", "succeeded");
    assertThat(api.get("/apps/billing/releases/4").body().path("status").asText())
        .as("releases before the phase are untouched")
        .isEqualTo("succeeded");
    standIn.assertNoContractViolations();
  }

  @Test
  void releasePhase_canFail_andAListCountsAsAStatusRead() {
    standIn.releasePhase("billing", 1, "failed");
    api.patch("/apps/billing/config-vars", "{\"C\":\"3\"}");

    JsonNode first =
        api.send(
                api.request("/apps/billing/releases")
                    .header("Range", "version ..; order=desc, max=1"))
            .body()
            .get(0);
    JsonNode second = api.get("/apps/billing/releases/5").body();

    assertThat(first.path("status").asText()).isEqualTo("pending");
    assertThat(second.path("status").asText()).isEqualTo("failed");
    assertThat(standIn.releases("billing").getLast().status()).isEqualTo("failed");
    standIn.assertNoContractViolations();
  }

  @Test
  void finishRelease_endsAPhaseThatWouldStayPending() {
    standIn.releasePhase("billing", Integer.MAX_VALUE, "succeeded");
    api.patch("/apps/billing/config-vars", "{\"C\":\"3\"}");
    assertThat(api.get("/apps/billing/releases/5").body().path("status").asText())
        .isEqualTo("pending");

    standIn.finishRelease("billing", 5, "failed");

    assertThat(api.get("/apps/billing/releases/5").body().path("status").asText())
        .isEqualTo("failed");
  }

  @Test
  void list_latestFirst_withOneAtATime_isPartialWithNextRange() {
    Reply reply =
        api.send(
            api.request("/apps/billing/releases").header("Range", "version ..; order=desc, max=1"));

    assertThat(reply.status()).isEqualTo(206);
    assertThat(versions(reply.body())).containsExactly(4);
    assertThat(reply.header("Next-Range")).isEqualTo("version ]4..; order=desc, max=1");
  }

  @Test
  void list_followingNextRange_walksEveryRelease() {
    List<Integer> seen = new ArrayList<>();
    String range = "version ..; max=3";
    int pages = 0;
    while (range != null && pages++ < 10) {
      Reply reply = api.send(api.request("/apps/billing/releases").header("Range", range));
      seen.addAll(versions(reply.body()));
      range = reply.header("Next-Range");
    }

    assertThat(seen).containsExactly(1, 2, 3, 4);
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void list_byId_returnsEveryRelease_inIdOrder() {
    Reply reply = api.send(api.request("/apps/billing/releases").header("Range", "id .."));

    assertThat(reply.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.body().forEach(release -> ids.add(release.path("id").asText()));
    assertThat(ids).hasSize(4).isSorted();
  }

  @Test
  void list_withMalformedRange_isAContractViolation() {
    Reply reply =
        api.send(api.request("/apps/billing/releases").header("Range", "created_at ..; max=5"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorId()).isEqualTo("contract_violation");
    assertThat(standIn.contractViolations()).hasSize(1);
    standIn.clearContractViolations();
  }

  @Test
  void info_findsAReleaseByVersion_andById() {
    Release second = standIn.releases("billing").get(1);

    Reply byVersion = api.get("/apps/billing/releases/2");
    Reply byId = api.get("/apps/billing/releases/" + second.id());

    assertThat(byVersion.status()).isEqualTo(200);
    assertThat(byVersion.body().path("id").asText()).isEqualTo(second.id().toString());
    assertThat(byId.body().path("version").asInt()).isEqualTo(2);
    assertThat(byId.body().path("current").asBoolean()).isFalse();
  }

  @Test
  void info_forMissingVersion_isNotFound() {
    Reply reply = api.get("/apps/billing/releases/99");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorId()).isEqualTo("not_found");
  }

  private static List<Integer> versions(JsonNode releases) {
    List<Integer> versions = new ArrayList<>();
    releases.forEach(release -> versions.add(release.path("version").asInt()));
    return versions;
  }
}
