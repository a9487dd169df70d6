package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithHerokuStandIn
class HerokuStandInConfigVarsTest {

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInConfigVarsTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @Test
  void getConfigVars_returnsTheAppsVars() {
    standIn.createApp("billing", Map.of("DATABASE_URL", "postgres://db", "MODE", "live"));

    Reply reply = api.get("/apps/billing/config-vars");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("MODE").asText()).isEqualTo("live");
    assertThat(reply.body().size()).isEqualTo(2);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void getConfigVars_findsTheAppByIdToo() {
    HerokuApp app = standIn.createApp("billing", Map.of("MODE", "live"));

    Reply reply = api.get("/apps/" + app.id() + "/config-vars");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("MODE").asText()).isEqualTo("live");
  }

  @Test
  void patch_mergesSetValues_andDeletesNulls() {
    standIn.createApp("billing", Map.of("KEEP", "k", "CHANGE", "old", "DROP", "d"));

    Reply reply =
        api.patch("/apps/billing/config-vars", "{\"CHANGE\":\"new\",\"ADD\":\"a\",\"DROP\":null}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(standIn.configVars("billing")).containsOnlyKeys("KEEP", "CHANGE", "ADD");
    assertThat(standIn.hasConfigVar("billing", "CHANGE", "new")).isTrue();
    assertThat(standIn.hasConfigVar("billing", "KEEP", "k")).isTrue();
    assertThat(reply.body().has("DROP")).isFalse();
    assertThat(reply.body().path("ADD").asText()).isEqualTo("a");
  }

  @Test
  void patch_makesExactlyOneRelease_describingTheSetVars() {
    standIn.createApp("billing");

    api.patch("/apps/billing/config-vars", "{\"A\":\"1\",\"B\":\"2\"}");

    assertThat(standIn.releases("billing"))
        .extracting(Release::version, Release::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Initial release"),
            org.assertj.core.groups.Tuple.tuple(2, "Set A, B config vars"));
  }

  @Test
  void patch_thatOnlyDeletes_isDescribedAsRemove() {
    standIn.createApp("billing", Map.of("C", "c"));

    api.patch("/apps/billing/config-vars", "{\"C\":null}");

    assertThat(standIn.releases("billing").getLast().description())
        .isEqualTo("Remove C config var");
  }

  @Test
  void everyPatch_makesItsOwnRelease_evenWhenNothingChanges() {
    standIn.createApp("billing", Map.of("A", "1"));

    api.patch("/apps/billing/config-vars", "{\"A\":\"1\"}");
    api.patch("/apps/billing/config-vars", "{}");

    assertThat(standIn.releases("billing")).extracting(Release::version).containsExactly(1, 2, 3);
    assertThat(standIn.releases("billing").getLast().current()).isTrue();
  }

  @Test
  void releaseConfigVars_areTheVarsAsOfThatRelease() {
    standIn.createApp("billing", Map.of("A", "1"));
    api.patch("/apps/billing/config-vars", "{\"A\":\"2\"}");

    Reply atFirst = api.get("/apps/billing/releases/1/config-vars");

    assertThat(atFirst.status()).isEqualTo(200);
    assertThat(atFirst.body().path("A").asText()).isEqualTo("1");
    assertThat(standIn.configVarsAt("billing", 2)).containsOnlyKeys("A");
  }

  @Test
  void unknownApp_isNotFound_withoutViolation() {
    Reply reply = api.get("/apps/no-such-app/config-vars");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorId()).isEqualTo("not_found");
    assertThat(standIn.contractViolations()).isEmpty();
  }

  @Test
  void requestLog_countsRequests_andNeverKeepsTheToken() {
    standIn.createApp("billing");

    api.patch("/apps/billing/config-vars", "{\"A\":\"s3cr3t-value\"}");
    api.get("/apps/billing/config-vars");

    assertThat(standIn.count("PATCH", "/apps/billing/config-vars")).isEqualTo(1);
    assertThat(standIn.count("GET", "/apps/billing/config-vars")).isEqualTo(1);
    RecordedRequest patch = standIn.requests().getFirst();
    assertThat(patch.header("Authorization")).isEqualTo("Bearer [redacted]");
    assertThat(patch.headers().toString().contains(standIn.defaultToken())).isFalse();
    assertThat(patch.body().path("A").asText().equals("s3cr3t-value")).isTrue();
    assertThat(patch.status()).isEqualTo(200);
    assertThat(patch.toString().contains("s3cr3t-value")).isFalse();
    assertThat(patch.toString()).contains("[A]");
  }
}
