package dev.keyturn.rotate.vendor.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.rotate.vendor.IssueJournal;
import dev.keyturn.rotate.vendor.IssueRequest;
import dev.keyturn.rotate.vendor.IssuedCredential;
import dev.keyturn.rotate.vendor.Superseded;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.testing.heroku.DelayedEffect;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Heroku adapter against the stand-in, which checks every call against Heroku's schema. */
@WithHerokuStandIn
class HerokuAuthorizationsTest {

  private static final String NAME = "HK_PLATFORM_FULL";
  private static final String VERSION = "0f0e0d0c-0b0a-4009-8807-060504030201";

  private static HerokuAuthorizations adapter(HerokuStandIn heroku, Duration requestTimeout) {
    return new HerokuAuthorizations(
        new HerokuSettings(
            heroku.baseUrl(),
            Duration.ofSeconds(2),
            requestTimeout,
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
            0),
        Clock.systemUTC());
  }

  private static HerokuAuthorizations adapter(HerokuStandIn heroku) {
    return adapter(heroku, Duration.ofSeconds(5));
  }

  /** Records what the adapter reports, with what an earlier attempt left. */
  private static class Journal implements IssueJournal {
    final boolean askedBefore;
    final List<String> events = new ArrayList<>();

    Journal(boolean askedBefore) {
      this.askedBefore = askedBefore;
    }

    @Override
    public boolean askedBefore() {
      return askedBefore;
    }

    @Override
    public Optional<String> issuedBefore() {
      return Optional.empty();
    }

    @Override
    public void issuing() {
      events.add("issuing");
    }

    @Override
    public void issued(String credentialId) {
      events.add("issued " + credentialId);
    }
  }

  private static String valueOf(OAuthAuthorization a) {
    SeededSecrets.register(a.accessToken());
    return new HerokuCredential(a.id().toString(), a.accessToken()).toSecretValue();
  }

  private static IssueRequest request(String current, Journal journal) {
    return new IssueRequest(NAME, VERSION, Map.of(), current, journal);
  }

  @Test
  void issue_createsASecondAuthorization_withTheSameScope_andTheOldTokenStillWorks(
      HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn seed");
    Journal journal = new Journal(false);

    IssuedCredential issued = adapter(heroku).issue(request(valueOf(seeded), journal));

    HerokuCredential fresh = HerokuCredential.parse(issued.value());
    SeededSecrets.register(fresh.token());
    assertThat(issued.credentialId()).isEqualTo(fresh.authorizationId());
    OAuthAuthorization made = heroku.authorization(UUID.fromString(fresh.authorizationId()));
    assertThat(made.scope()).isEqualTo(seeded.scope());
    assertThat(made.description()).isEqualTo("keyturn " + NAME + " version " + VERSION);
    assertThat(heroku.authenticates(fresh.token())).isTrue();
    assertThat(heroku.authenticates(seeded.accessToken())).isTrue();
    assertThat(journal.events).containsExactly("issuing", "issued " + issued.credentialId());
    assertThat(heroku.count("POST", "/oauth/authorizations")).isEqualTo(1);
    heroku.assertNoContractViolations();
  }

  @Test
  void issue_afterAnEarlierAttempt_deletesTheAuthorizationItMade_andMakesOneMore(
      HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn seed");
    OAuthAuthorization other = heroku.seedAuthorization("someone's CLI login");
    HerokuAuthorizations slow = adapter(heroku, Duration.ofMillis(1500));
    Journal answerLate =
        new Journal(false) {
          @Override
          public void issuing() {
            heroku.delayNext(1, Duration.ofSeconds(4), DelayedEffect.APPLIED);
          }
        };
    assertThatThrownBy(() -> slow.issue(request(valueOf(seeded), answerLate)))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("create-authorization");
    // made, answer lost, never repeated: one authorization nobody holds
    awaitAnswered(heroku, "POST", "/oauth/authorizations");
    assertThat(heroku.count("POST", "/oauth/authorizations")).isEqualTo(1);
    assertThat(heroku.authorizations()).hasSize(3);

    IssuedCredential issued = adapter(heroku).issue(request(valueOf(seeded), new Journal(true)));

    SeededSecrets.register(HerokuCredential.parse(issued.value()).token());
    assertThat(heroku.authorizations())
        .extracting(a -> a.id().toString())
        .containsExactly(seeded.id().toString(), other.id().toString(), issued.credentialId());
    heroku.assertNoContractViolations();
  }

  @Test
  void test_provesALiveToken_andRejectsADeletedOne(HerokuStandIn heroku) {
    OAuthAuthorization live = heroku.seedAuthorization("live");
    OAuthAuthorization gone = heroku.seedAuthorization("gone");
    String goneValue = valueOf(gone);
    adapter(heroku).retire(new Superseded(NAME, Map.of(), gone.id().toString(), valueOf(live)));

    adapter(heroku).test(NAME, Map.of(), valueOf(live));
    assertThatThrownBy(() -> adapter(heroku).test(NAME, Map.of(), goneValue))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getMessage().contains(gone.accessToken())).isFalse());
  }

  @Test
  void retire_deletesTheOldAuthorization_authenticatedByTheNewToken_andRepeatsHarmlessly(
      HerokuStandIn heroku) {
    OAuthAuthorization old = heroku.seedAuthorization("old");
    OAuthAuthorization current = heroku.seedAuthorization("current");
    Superseded superseded = new Superseded(NAME, Map.of(), old.id().toString(), valueOf(current));

    adapter(heroku).retire(superseded);
    adapter(heroku).retire(superseded);

    assertThat(heroku.hasAuthorization(old.id())).isFalse();
    assertThat(heroku.authenticates(old.accessToken())).isFalse();
    assertThat(heroku.authenticates(current.accessToken())).isTrue();
    assertThat(heroku.count("DELETE", "/oauth/authorizations/" + old.id())).isEqualTo(2);
    heroku.assertNoContractViolations();
  }

  @Test
  void aServerErrorAtTheCreate_isANamedFailure_thatCarriesNoToken_andMakesNothing(
      HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn seed");
    Journal failTheCreate =
        new Journal(false) {
          @Override
          public void issuing() {
            heroku.failNext(1, 503); // the next request is the POST itself
          }
        };

    assertThatThrownBy(() -> adapter(heroku).issue(request(valueOf(seeded), failTheCreate)))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("503")
        .satisfies(e -> assertThat(e.getMessage().contains(seeded.accessToken())).isFalse());
    assertThat(heroku.count("POST", "/oauth/authorizations")).as("never repeated").isEqualTo(1);
    assertThat(heroku.authorizations()).hasSize(1);
  }

  @Test
  void credentialId_isTheAuthorizationId(HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn seed");

    assertThat(adapter(heroku).credentialId(valueOf(seeded))).isEqualTo(seeded.id().toString());
  }

  /** Waits (bounded) until the stand-in has logged such a request: it is logged after it acted. */
  private static void awaitAnswered(HerokuStandIn heroku, String method, String path) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (heroku.count(method, path) < 1 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
