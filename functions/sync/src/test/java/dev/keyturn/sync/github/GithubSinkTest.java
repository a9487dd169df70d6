package dev.keyturn.sync.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.json.Json;
import dev.keyturn.observability.Metrics;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.fakes.GithubFixture;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.github.GithubStandIn;
import dev.keyturn.testing.github.WithGithubStandIn;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sync to a GitHub environment and a GitHub repository through the production adapter, against the
 * stand-in (which validates every call against GitHub's OpenAPI description and opens every sealed
 * box with libsodium).
 */
@WithGithubStandIn
class GithubSinkTest {

  static final String REPO = "raxx/raptor";
  static final String ENV = "/repos/raxx/raptor/environments/production/secrets/";
  static final String REPO_SECRETS = "/repos/raxx/raptor/actions/secrets/";
  static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: PM_SERVER_TOKEN
          source: {secretsManager: keyturn/pm}
          sinks:
            - github: {repo: raxx/raptor, environment: production, var: POSTMARK_TOKEN}
        - name: STR_BILLING_WRITE
          source: {ssmParameter: /keyturn/stripe}
          sinks:
            - github: {repo: raxx/raptor, environment: production, var: STRIPE_KEY}
            - github: {repo: raxx/raptor, var: STRIPE_KEY}
      """;

  GithubStandIn github;
  final InMemorySecrets secrets = new InMemorySecrets();
  final InMemoryState state = new InMemoryState();
  final InMemoryInventory inventory = new InMemoryInventory(INVENTORY);
  SyncService service;

  @BeforeEach
  void setUp(GithubStandIn standIn) {
    github = standIn;
    github.createEnvironment(REPO, "production");
    secrets.put("keyturn/pm", "postmark-token-value-0001");
    secrets.put("/keyturn/stripe", "stripe-key-value-00000001");
    service = service(10);
  }

  SyncService service(int reserve) {
    return Services.sync(
        inventory,
        secrets,
        state,
        Clock.systemUTC(),
        Metrics.NONE,
        GithubFixture.port(github, secrets, reserve));
  }

  SyncReport sync() {
    return service.sync(SyncRequest.event(new Scope.AllSinks(), "test"));
  }

  static AppResult target(SyncReport r, String key) {
    return r.apps().stream().filter(a -> a.app().equals(key)).findFirst().orElseThrow();
  }

  long puts(String path) {
    return github.count("PUT", path);
  }

  @Test
  void firstPublish_writesEachNameOnce_andTheValuesArriveIntact() {
    SyncReport report = sync();

    assertThat(target(report, "github:raxx/raptor@production").outcome())
        .isEqualTo(Outcome.PATCHED);
    assertThat(puts(ENV + "POSTMARK_TOKEN")).isEqualTo(1);
    assertThat(puts(ENV + "STRIPE_KEY")).isEqualTo(1);
    assertThat(puts(REPO_SECRETS + "STRIPE_KEY")).isEqualTo(1);
    assertThat(github.hasSecret(REPO, "production", "POSTMARK_TOKEN", "postmark-token-value-0001"))
        .isTrue();
    assertThat(github.hasSecret(REPO, null, "STRIPE_KEY", "stripe-key-value-00000001")).isTrue();
    assertThat(target(report, "github:raxx/raptor").consumer())
        .isEqualTo("next workflow run reads it");
  }

  @Test
  void secondRun_withNothingChanged_writesNothing_andReadsOneListPerTarget() {
    sync();
    long before = github.requests().size();

    SyncReport again = sync();

    assertThat(again.apps()).extracting(AppResult::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(github.requests().size() - before)
        .as("one list per target, nothing else")
        .isEqualTo(2);
  }

  @Test
  void oneRotatedValue_isOneWrite() {
    sync();
    secrets.put("keyturn/pm", "postmark-token-value-0002");

    SyncReport report = sync();

    assertThat(target(report, "github:raxx/raptor@production").set())
        .containsExactly("POSTMARK_TOKEN");
    assertThat(puts(ENV + "POSTMARK_TOKEN")).isEqualTo(2);
    assertThat(puts(ENV + "STRIPE_KEY")).isEqualTo(1);
    assertThat(github.hasSecret(REPO, "production", "POSTMARK_TOKEN", "postmark-token-value-0002"))
        .isTrue();
  }

  @Test
  void rename_keepsBothNamesDuringIt_thenDeletesTheOldNameOnce() {
    inventory.replace(
        INVENTORY.replace("var: POSTMARK_TOKEN}", "var: POSTMARK_TOKEN, previousVar: PM_TOKEN}"));
    sync();
    assertThat(github.secretNames(REPO, "production")).contains("PM_TOKEN", "POSTMARK_TOKEN");

    inventory.replace(INVENTORY);
    SyncReport report = sync();
    sync();

    assertThat(target(report, "github:raxx/raptor@production").removed())
        .containsExactly("PM_TOKEN");
    assertThat(github.count("DELETE", ENV + "PM_TOKEN")).isEqualTo(1);
    assertThat(github.secretNames(REPO, "production"))
        .containsExactly("POSTMARK_TOKEN", "STRIPE_KEY");
  }

  @Test
  void drift_aSecretChangedOrDeletedByHand_isPutBack() throws Exception {
    sync();
    sync(); // records GitHub's updated_at as the baseline
    Thread.sleep(1100); // GitHub's timestamps have whole seconds
    github.setSecretByHand(REPO, "production", "POSTMARK_TOKEN", "edited-in-the-ui");
    github.deleteSecretByHand(REPO, null, "STRIPE_KEY");

    SyncReport report = sync();

    assertThat(target(report, "github:raxx/raptor@production").drift())
        .containsExactly("POSTMARK_TOKEN");
    assertThat(target(report, "github:raxx/raptor").drift()).containsExactly("STRIPE_KEY");
    assertThat(github.hasSecret(REPO, "production", "POSTMARK_TOKEN", "postmark-token-value-0001"))
        .isTrue();
    assertThat(github.hasSecret(REPO, null, "STRIPE_KEY", "stripe-key-value-00000001")).isTrue();
  }

  @Test
  void dryRun_masksValues_andWritesNothing() {
    SyncReport plan = service.sync(new SyncRequest(new Scope.AllSinks(), true, "test", false));

    String json = Json.write(plan.toMap());
    assertThat(github.countUnder("PUT", "/repos/")).isZero();
    assertThat(json).contains("POSTMARK_TOKEN", "p***1 (25 chars)");
    assertThat(json.contains("postmark-token-value-0001")).isFalse();
  }

  @Test
  void state_holdsAKeyedDigest_neverTheValueOrAPlainHash() throws Exception {
    sync();

    var recorded = state.vars("github:raxx/raptor@production").get("POSTMARK_TOKEN");
    String plainHash =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest("postmark-token-value-0001".getBytes()));
    assertThat(recorded.digest()).startsWith("h1:").doesNotContain("postmark");
    assertThat(recorded.digest()).doesNotContain(plainHash.substring(0, 16));
    assertThat(state.vars("github:raxx/raptor").get("STRIPE_KEY").digest())
        .as("the same value on another target has another digest")
        .isNotEqualTo(state.vars("github:raxx/raptor@production").get("STRIPE_KEY").digest());
  }

  @Test
  void secondaryLimits_429And403WithRetryAfter_andA5xx_areRetried() {
    github.secondaryLimitNext(1, 429, 1);
    github.secondaryLimitNext(1, 403, 1);
    github.failNext(1, 502);

    SyncReport report = sync();

    assertThat(report.incomplete()).isEmpty();
    assertThat(github.pendingFaults()).isZero();
    assertThat(github.hasSecret(REPO, null, "STRIPE_KEY", "stripe-key-value-00000001")).isTrue();
  }

  @Test
  void aLimitLongerThanASyncWaits_defersTheTarget_namingWhatWasWritten_andTheNextRunFinishes() {
    sync();
    secrets.put("keyturn/pm", "postmark-token-value-0002");
    secrets.put("/keyturn/stripe", "stripe-key-value-00000002");
    // the repository (list, key, PUT), then production: list, key, PUT POSTMARK_TOKEN; then
    // STRIPE_KEY's PUT meets a 60 s limit
    github.passNext(6);
    github.secondaryLimitNext(1, 429, 60);
    SyncReport first = sync();

    AppResult production = target(first, "github:raxx/raptor@production");
    assertThat(production.outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(production.set()).containsExactly("POSTMARK_TOKEN");
    assertThat(production.reason()).startsWith("github:secondary_rate_limit:429");
    assertThat(target(first, "github:raxx/raptor").outcome()).isEqualTo(Outcome.PATCHED);

    SyncReport second = sync();

    assertThat(second.incomplete()).isEmpty();
    assertThat(target(second, "github:raxx/raptor@production").set()).containsExactly("STRIPE_KEY");
    assertThat(puts(ENV + "POSTMARK_TOKEN")).as("not written twice").isEqualTo(2);
    assertThat(github.hasSecret(REPO, "production", "STRIPE_KEY", "stripe-key-value-00000002"))
        .isTrue();
    assertThat(github.hasSecret(REPO, null, "STRIPE_KEY", "stripe-key-value-00000002")).isTrue();
  }

  @Test
  void aServerErrorPastTheRetries_failsTheTarget_namingWhatWasWritten() {
    secrets.put("keyturn/pm", "postmark-token-value-0002");
    secrets.put("/keyturn/stripe", "stripe-key-value-00000002");
    // the repository (list, key, PUT), then production: list, key, PUT POSTMARK_TOKEN, then
    // 4 × 503 on STRIPE_KEY (4 attempts)
    github.passNext(6);
    github.failNext(4, 503);
    SyncReport report = sync();

    AppResult production = target(report, "github:raxx/raptor@production");
    assertThat(production.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(production.reason()).isEqualTo("github:503");
    assertThat(production.set()).containsExactly("POSTMARK_TOKEN");
    assertThat(state.vars("github:raxx/raptor@production")).containsOnlyKeys("POSTMARK_TOKEN");
  }

  @Test
  void aLowBudget_defersBeforeStarting_andNothingIsSkippedSilently() {
    github.setRateLimitRemaining(5000);
    sync();
    secrets.put("keyturn/pm", "postmark-token-value-0002");
    github.setRateLimitRemaining(11);

    SyncReport report = service(10).sync(SyncRequest.event(new Scope.AllSinks(), "test"));

    assertThat(report.incomplete()).isNotEmpty();
    assertThat(report.incomplete()).allSatisfy(a -> assertThat(a.reason()).contains("rate_limit"));
    assertThat(github.hasSecret(REPO, "production", "POSTMARK_TOKEN", "postmark-token-value-0002"))
        .isFalse();
  }

  @Test
  void aRotatedToken_isReadAgainAfterA401() {
    sync();
    String rotated = "ghp_rotated0000000000000000000000000";
    github.registerToken(rotated);
    github.revokeToken(github.defaultToken());
    secrets.put(GithubFixture.TOKEN_ID, rotated);
    secrets.put("keyturn/pm", "postmark-token-value-0002");

    SyncReport report = service.sync(SyncRequest.event(new Scope.AllSinks(), "test"));

    assertThat(report.incomplete()).isEmpty();
    assertThat(github.hasSecret(REPO, "production", "POSTMARK_TOKEN", "postmark-token-value-0002"))
        .isTrue();
  }

  @Test
  void aRotatedPublicKey_isFetchedAgain_andTheValueStillArrives() {
    sync();
    secrets.put("keyturn/pm", "postmark-token-value-0002");
    github.rotatePublicKey(REPO, "production");

    SyncReport report = sync();

    assertThat(report.incomplete()).isEmpty();
    assertThat(github.hasSecret(REPO, "production", "POSTMARK_TOKEN", "postmark-token-value-0002"))
        .isTrue();
  }
}
