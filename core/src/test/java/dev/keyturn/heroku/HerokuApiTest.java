package dev.keyturn.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.testing.heroku.DelayedEffect;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.RecordedRequest;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithHerokuStandIn
class HerokuApiTest {

  private static final String APP = "billing";
  private static final String NEW_VALUE = "kt-seed-new-value-0123456789";

  private HerokuStandIn heroku;
  private HerokuApi api;

  @BeforeEach
  void setUp(HerokuStandIn standIn) {
    heroku = standIn;
    heroku.createApp(APP, Map.of("MODE", "live", "OLD", "x"));
    api = api(TokenProvider.fixed(heroku.defaultToken()), Duration.ofMillis(400));
  }

  private HerokuApi api(TokenProvider tokens, Duration requestTimeout) {
    return new HerokuApi(
        new HerokuSettings(
            heroku.baseUrl(),
            Duration.ofSeconds(1),
            requestTimeout,
            new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20)),
            50),
        tokens);
  }

  @Test
  void configVars_sendsHerokusHeaders_andReadsTheVars() {
    assertThat(api.configVars(APP)).containsOnlyKeys("MODE", "OLD");

    RecordedRequest get = heroku.requests().getFirst();
    assertThat(get.header("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
    assertThat(get.header("Authorization")).startsWith("Bearer");
  }

  @Test
  void patchConfigVars_mergesAndDeletes_inOneRelease() {
    Map<String, String> changes = new HashMap<>();
    changes.put("NEW", NEW_VALUE);
    changes.put("OLD", null);

    Map<String, String> after = api.patchConfigVars(APP, changes);

    assertThat(after).containsOnlyKeys("MODE", "NEW");
    assertThat(heroku.hasConfigVar(APP, "NEW", NEW_VALUE)).isTrue();
    assertThat(heroku.releases(APP)).hasSize(2);
  }

  @Test
  void latestRelease_asksForTheNewestOnly() {
    api.patchConfigVars(APP, Map.of("A", "1"));
    api.patchConfigVars(APP, Map.of("A", "2"));

    Release latest = api.latestRelease(APP).orElseThrow();

    assertThat(latest.version()).isEqualTo(3);
    assertThat(latest.id()).isEqualTo(heroku.releases(APP).getLast().id().toString());
    assertThat(heroku.requests().getLast().header("Range"))
        .isEqualTo("version ..; order=desc, max=1");
  }

  @Test
  void get_isRetried_through429s5xxAndTimeouts() {
    heroku.rateLimitNext(1);
    heroku.failNext(1, 503);
    heroku.delayNext(1, Duration.ofMillis(800));

    assertThat(api.configVars(APP)).containsKey("MODE");
    awaitAnswered("GET", "/apps/" + APP + "/config-vars", 4);
    assertThat(heroku.count("GET", "/apps/" + APP + "/config-vars")).isEqualTo(4);
  }

  @Test
  void patch_isRetriedAfter429_whichHerokuNeverApplies() {
    heroku.rateLimitNext(2);

    api.patchConfigVars(APP, Map.of("A", "1"));

    assertThat(heroku.releases(APP)).hasSize(2);
  }

  @Test
  void patch_thatTimedOutButApplied_isNotSentAgain() {
    heroku.delayNext(1, Duration.ofMillis(800), DelayedEffect.APPLIED);

    Map<String, String> after = api.patchConfigVars(APP, Map.of("A", "1"));

    assertThat(after).containsEntry("A", "1");
    awaitAnswered("PATCH", "/apps/" + APP + "/config-vars", 1);
    assertThat(heroku.count("PATCH", "/apps/" + APP + "/config-vars")).isEqualTo(1);
    assertThat(heroku.releases(APP)).as("exactly one new release").hasSize(2);
  }

  @Test
  void patch_thatTimedOutUnapplied_isSentAgain_once() {
    heroku.delayNext(1, Duration.ofMillis(800), DelayedEffect.NOT_APPLIED);

    api.patchConfigVars(APP, Map.of("A", "1"));

    // the held PATCH is logged when the stand-in finally answers it
    awaitAnswered("PATCH", "/apps/" + APP + "/config-vars", 2);
    assertThat(heroku.count("PATCH", "/apps/" + APP + "/config-vars")).isEqualTo(2);
    assertThat(heroku.releases(APP)).hasSize(2);
  }

  @Test
  void patch_after5xx_looksFirst_thenSendsAgain() {
    heroku.failNext(1, 500);

    api.patchConfigVars(APP, Map.of("A", "1"));

    assertThat(heroku.count("PATCH", "/apps/" + APP + "/config-vars")).isEqualTo(2);
    assertThat(heroku.releases(APP)).hasSize(2);
  }

  @Test
  void everyAttemptFailing_surfacesHerokusIdAndMessage() {
    heroku.failNext(4, 503);

    assertThatThrownBy(() -> api.configVars(APP))
        .isInstanceOfSatisfying(
            HerokuApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.id()).isNotBlank();
              assertThat(e.path()).isEqualTo("/apps/billing/config-vars");
            });
  }

  @Test
  void unknownApp_isA404_withHerokusErrorBody() {
    assertThatThrownBy(() -> api.configVars("no-such-app"))
        .isInstanceOfSatisfying(
            HerokuApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.id()).isEqualTo("not_found");
              assertThat(e.herokuMessage()).isNotBlank();
            });
  }

  @Test
  void persistent429_isReportedAsRateLimitLow() {
    heroku.rateLimitNext(4);

    assertThatThrownBy(() -> api.configVars(APP)).isInstanceOf(RateLimitLowException.class);
  }

  @Test
  void ensureBudget_stopsNewWork_whenRateLimitRemainingIsLow() {
    heroku.setRateLimitBudget(52);
    api.configVars(APP);

    assertThat(api.rateLimitRemaining()).isPresent();
    assertThatThrownBy(() -> api.ensureBudget(3)).isInstanceOf(RateLimitLowException.class);
  }

  @Test
  void unauthorized_rereadsTheToken_once() {
    String rotated = "kt-seed-rotated-token-" + UUID.randomUUID();
    heroku.registerToken(rotated);
    String stale = "kt-seed-stale-token-" + UUID.randomUUID();
    RotatingTokens tokens = new RotatingTokens(stale, rotated);

    assertThat(api(tokens, Duration.ofSeconds(1)).configVars(APP)).containsKey("MODE");
    assertThat(tokens.refreshes).isEqualTo(1);
  }

  @Test
  void unauthorized_afterRefresh_isAnError() {
    RotatingTokens tokens = new RotatingTokens("kt-seed-bad-1-0000", "kt-seed-bad-2-0000");

    assertThatThrownBy(() -> api(tokens, Duration.ofSeconds(1)).configVars(APP))
        .isInstanceOfSatisfying(
            HerokuApiException.class, e -> assertThat(e.status()).isEqualTo(401))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("kt-seed-bad"));
  }

  @Test
  void account_namesTheTokensUser() {
    Account account = api.account();

    assertThat(account.email()).isEqualTo(heroku.user().email());
    assertThat(account.id()).isEqualTo(heroku.user().id().toString());
  }

  @Test
  void regenerateTokens_returnsTheNewToken_andTheOldOneStopsWorking() {
    var seeded = heroku.seedAuthorization("keyturn rotation");
    HerokuApi asAuthorization =
        api(TokenProvider.fixed(seeded.accessToken()), Duration.ofSeconds(1));

    OAuthAuthorization regenerated = asAuthorization.regenerateTokens(seeded.id().toString());

    assertThat(regenerated.id()).isEqualTo(seeded.id().toString());
    assertThat(regenerated.accessToken().equals(heroku.currentAccessToken(seeded.id()))).isTrue();
    assertThat(regenerated.accessToken().equals(seeded.accessToken())).isFalse();
    assertThat(regenerated.toString()).doesNotContain(regenerated.accessToken());
  }

  @Test
  void regenerateTokens_isNeverRepeated_afterATimeout() {
    var seeded = heroku.seedAuthorization("keyturn rotation");
    HerokuApi asAuthorization =
        api(TokenProvider.fixed(seeded.accessToken()), Duration.ofMillis(300));
    heroku.delayNext(1, Duration.ofSeconds(2));

    assertThatThrownBy(() -> asAuthorization.regenerateTokens(seeded.id().toString()))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> assertThat(e.unsettled()).isTrue());
    // the client has given up; whatever it sent is in once the held request is answered
    String path = "/oauth/authorizations/" + seeded.id() + "/actions/regenerate-tokens";
    awaitAnswered("POST", path, 1);
    assertThat(heroku.count("POST", path)).isEqualTo(1);
  }

  @Test
  void createAuthorization_makesASecondLiveAuthorization_andKeepsTheFirst() {
    var seeded = heroku.seedAuthorization("keyturn rotation");
    HerokuApi asSeeded = api(TokenProvider.fixed(seeded.accessToken()), Duration.ofSeconds(5));

    AuthorizationSummary info = asSeeded.authorization(seeded.id().toString());
    OAuthAuthorization created = asSeeded.createAuthorization(info.scope(), "keyturn HK v2");

    assertThat(info.scope()).containsExactly("global");
    assertThat(created.id()).isNotEqualTo(seeded.id().toString());
    assertThat(heroku.authenticates(created.accessToken())).isTrue();
    assertThat(heroku.authenticates(seeded.accessToken())).isTrue();
    assertThat(asSeeded.authorizations())
        .extracting(AuthorizationSummary::description)
        .containsExactly("keyturn rotation", "keyturn HK v2");
    assertThat(created.toString()).doesNotContain(created.accessToken());
  }

  @Test
  void createAuthorization_isNeverRepeated_afterATimeout() {
    heroku.delayNext(1, Duration.ofSeconds(2));
    HerokuApi slow = api(TokenProvider.fixed(heroku.defaultToken()), Duration.ofMillis(300));

    assertThatThrownBy(() -> slow.createAuthorization(java.util.List.of("global"), "keyturn X"))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> assertThat(e.unsettled()).isTrue());
    awaitAnswered("POST", "/oauth/authorizations", 1);
    assertThat(heroku.count("POST", "/oauth/authorizations")).isEqualTo(1);
    assertThat(heroku.authorizations()).as("made once, answer lost").hasSize(1);
  }

  @Test
  void deleteAuthorization_revokes_andReportsAnAlreadyGoneOneAsFalse() {
    var old = heroku.seedAuthorization("old");
    HerokuApi patient = api(TokenProvider.fixed(heroku.defaultToken()), Duration.ofSeconds(5));

    assertThat(patient.deleteAuthorization(old.id().toString())).isTrue();
    assertThat(patient.deleteAuthorization(old.id().toString())).isFalse();
    assertThat(heroku.authenticates(old.accessToken())).isFalse();
  }

  @Test
  void deleteAuthorization_isRetriedAfterA5xx_becauseARepeatIsHarmless() {
    var old = heroku.seedAuthorization("old");
    HerokuApi patient = api(TokenProvider.fixed(heroku.defaultToken()), Duration.ofSeconds(5));
    heroku.failNext(1, 503);

    assertThat(patient.deleteAuthorization(old.id().toString())).isTrue();
    assertThat(heroku.count("DELETE", "/oauth/authorizations/" + old.id())).isEqualTo(2);
    assertThat(heroku.hasAuthorization(old.id())).isFalse();
  }

  /** Waits (bounded) until the stand-in has answered this many such requests. */
  private void awaitAnswered(String method, String path, long count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (heroku.count(method, path) < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Hands out a stale token until asked to refresh, then the current one. */
  private static final class RotatingTokens implements TokenProvider {
    private final String stale;
    private final String current;
    private boolean refreshed;
    int refreshes;

    RotatingTokens(String stale, String current) {
      this.stale = stale;
      this.current = current;
    }

    @Override
    public String token() {
      return refreshed ? current : stale;
    }

    @Override
    public void refresh() {
      refreshed = true;
      refreshes++;
    }
  }
}
