package dev.keyturn.testing.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyturn.testing.heroku.ContractViolation;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithGithubStandIn
class GithubStandInTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REPO = "raxx/raptor";
  static final String ENV_SECRETS = "/repos/raxx/raptor/environments/production/secrets";

  GithubStandIn github;
  GithubCalls calls;

  @BeforeEach
  void setUp(GithubStandIn standIn) {
    github = standIn;
    calls = new GithubCalls(standIn);
    github.createEnvironment(REPO, "production");
  }

  private String sealedPut(String path, String value) throws Exception {
    JsonNode key = JSON.readTree(calls.get(path + "/public-key").body());
    byte[] pk = Base64.getDecoder().decode(key.path("key").asText());
    byte[] sealed = Libsodium.load().seal(value.getBytes(StandardCharsets.UTF_8), pk);
    return JSON.writeValueAsString(
        java.util.Map.of(
            "encrypted_value",
            Base64.getEncoder().encodeToString(sealed),
            "key_id",
            key.path("key_id").asText()));
  }

  @Test
  void put_opensTheSealedBox_createsThenUpdates_andListsNamesWithTimestamps() throws Exception {
    HttpResponse<String> created =
        calls.send("PUT", ENV_SECRETS + "/api_token", sealedPut(ENV_SECRETS, "value-1"));
    HttpResponse<String> updated =
        calls.send("PUT", ENV_SECRETS + "/API_TOKEN", sealedPut(ENV_SECRETS, "value-2"));
    JsonNode list = JSON.readTree(calls.get(ENV_SECRETS).body());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(updated.statusCode()).isEqualTo(204);
    assertThat(github.hasSecret(REPO, "production", "API_TOKEN", "value-2")).isTrue();
    assertThat(list.path("total_count").asInt()).isEqualTo(1);
    assertThat(list.path("secrets").get(0).path("name").asText()).isEqualTo("API_TOKEN");
    assertThat(list.path("secrets").get(0).path("updated_at").asText()).endsWith("Z");
    assertThat(created.headers().firstValue("x-ratelimit-remaining")).hasValue("4998");
  }

  @Test
  void put_refusesAStaleKeyId_andABoxThatDoesNotOpen_as422() throws Exception {
    String body = sealedPut(ENV_SECRETS, "v");
    github.rotatePublicKey(REPO, "production");

    HttpResponse<String> stale = calls.send("PUT", ENV_SECRETS + "/A", body);
    String key =
        JSON.readTree(calls.get(ENV_SECRETS + "/public-key").body()).path("key_id").asText();
    HttpResponse<String> garbage =
        calls.send(
            "PUT",
            ENV_SECRETS + "/A",
            "{\"encrypted_value\":\"c2VjcmV0\",\"key_id\":\"" + key + "\"}");

    assertThat(stale.statusCode()).isEqualTo(422);
    assertThat(garbage.statusCode()).isEqualTo(422);
    assertThat(github.secretNames(REPO, "production")).isEmpty();
  }

  @Test
  void delete_removesOnce_thenNotFound() throws Exception {
    calls.send(
        "PUT",
        "/repos/raxx/raptor/actions/secrets/OLD",
        sealedPut("/repos/raxx/raptor/actions/secrets", "x"));

    assertThat(calls.send("DELETE", "/repos/raxx/raptor/actions/secrets/OLD", null).statusCode())
        .isEqualTo(204);
    assertThat(calls.send("DELETE", "/repos/raxx/raptor/actions/secrets/OLD", null).statusCode())
        .isEqualTo(404);
    assertThat(github.count("DELETE", "/repos/raxx/raptor/actions/secrets/OLD")).isEqualTo(2);
  }

  @Test
  void list_pagesAtPerPage_withALinkToTheNextPage() {
    for (int i = 0; i < 120; i++) {
      github.setSecretByHand(REPO, "production", "S_" + i, "v");
    }

    HttpResponse<String> first = calls.get(ENV_SECRETS + "?per_page=100");
    HttpResponse<String> second = calls.get(ENV_SECRETS + "?per_page=100&page=2");

    assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> l.contains("page=2"));
    assertThat(second.headers().firstValue("Link")).isEmpty();
    assertThat(second.body()).contains("\"total_count\":120");
  }

  @Test
  void contract_recordsRequestsGithubWouldRefuse() {
    calls.accept = "text/html";
    HttpResponse<String> badAccept = calls.get(ENV_SECRETS);
    calls.accept = "application/vnd.github+json";
    HttpResponse<String> noKeyId =
        calls.send("PUT", ENV_SECRETS + "/A", "{\"encrypted_value\":\"c2VjcmV0\"}");
    HttpResponse<String> unknownQuery = calls.get(ENV_SECRETS + "?sort=name");
    HttpResponse<String> noRoute = calls.get("/repos/raxx/raptor/actions/variables");

    assertThat(badAccept.statusCode()).isEqualTo(422);
    assertThat(noKeyId.statusCode()).isEqualTo(422);
    assertThat(unknownQuery.statusCode()).isEqualTo(422);
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(github.contractViolations())
        .hasSize(4)
        .allSatisfy(v -> assertThat(v.kind()).isEqualTo(ContractViolation.Kind.REQUEST))
        .anySatisfy(v -> assertThat(v.message()).contains("key_id"));
    github.clearContractViolations();
  }

  @Test
  void auth_missingIsAViolation_aWrongTokenAPlain401() {
    calls.token = null;
    HttpResponse<String> missing = calls.get(ENV_SECRETS);
    calls.token = "ghp_wrong";
    HttpResponse<String> wrong = calls.get(ENV_SECRETS);

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Bad credentials");
    assertThat(github.contractViolations()).hasSize(1);
    github.clearContractViolations();
  }

  @Test
  void limits_primaryExhausted403_secondary429WithRetryAfter_and5xx() {
    github.secondaryLimitNext(1, 429, 7);
    github.failNext(1, 502);
    HttpResponse<String> secondary = calls.get(ENV_SECRETS);
    HttpResponse<String> serverError = calls.get(ENV_SECRETS);
    github.setRateLimitRemaining(0);
    HttpResponse<String> primary = calls.get(ENV_SECRETS);

    assertThat(secondary.statusCode()).isEqualTo(429);
    assertThat(secondary.headers().firstValue("retry-after")).hasValue("7");
    assertThat(secondary.body()).contains("secondary rate limit");
    assertThat(serverError.statusCode()).isEqualTo(502);
    assertThat(primary.statusCode()).isEqualTo(403);
    assertThat(primary.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
    assertThat(github.pendingFaults()).isZero();
  }

  @Test
  void environmentsAndWebhooks_answerAsDocumented() throws Exception {
    HttpResponse<String> env =
        calls.send("PUT", "/repos/raxx/raptor/environments/staging", "{\"wait_timer\":0}");
    HttpResponse<String> hook =
        calls.send(
            "POST",
            "/repos/raxx/raptor/hooks",
            "{\"name\":\"web\",\"config\":{\"url\":\"https://hooks.example/gh\","
                + "\"content_type\":\"json\",\"secret\":\"s1\"},\"events\":[\"push\"]}");
    long id = JSON.readTree(hook.body()).path("id").asLong();
    HttpResponse<String> config =
        calls.send("PATCH", "/repos/raxx/raptor/hooks/" + id + "/config", "{\"secret\":\"s2\"}");

    assertThat(env.statusCode()).isEqualTo(200);
    assertThat(calls.get("/repos/raxx/raptor/environments/staging").statusCode()).isEqualTo(200);
    assertThat(hook.statusCode()).isEqualTo(201);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("\"secret\":\"********\"").doesNotContain("s2");
    assertThat(github.hookSecret(REPO, id)).hasValue("s2");
    assertThat(calls.get("/repos/raxx/raptor/hooks").body()).contains("\"id\":" + id);
    assertThat(calls.send("POST", "/repos/raxx/raptor/hooks/" + id + "/pings", null).statusCode())
        .isEqualTo(204);
    assertThat(calls.get("/repos/raxx/raptor/hooks/" + id + "/deliveries").body()).isEqualTo("[]");
    assertThat(calls.send("DELETE", "/repos/raxx/raptor/hooks/" + id, null).statusCode())
        .isEqualTo(204);
    assertThat(github.contractViolations()).isEmpty();
  }

  @Test
  void organisationSecrets_areInTheDescription_butNotServed() {
    HttpResponse<String> org = calls.get("/orgs/raxx/actions/secrets");

    assertThat(org.statusCode()).isEqualTo(501);
    assertThat(github.contractViolations())
        .singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(ContractViolation.Kind.UNSUPPORTED));
    github.clearContractViolations();
  }
}
