package dev.keyturn.rotate.vendor.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@WithHerokuStandIn
class HerokuApiOAuthTest {

  private static HerokuApiOAuth client(HerokuStandIn heroku) {
    HerokuSettings settings =
        new HerokuSettings(
            heroku.baseUrl(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
            0);
    return new HerokuApiOAuth(settings, Clock.systemUTC());
  }

  @Test
  void regenerate_returnsTheNewToken_andTheOldOneStopsWorking(HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn rotation");
    HerokuApiOAuth oauth = client(heroku);

    HerokuCredential issued = oauth.regenerate(seeded.id().toString(), seeded.accessToken());

    assertThat(issued.authorizationId()).isEqualTo(seeded.id().toString());
    assertThat(issued.token().equals(heroku.currentAccessToken(seeded.id()))).isTrue();
    assertThat(issued.token().equals(seeded.accessToken())).isFalse();
    assertThatThrownBy(() -> oauth.account(seeded.accessToken()))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("unauthorized");
    assertThat(
            heroku.count(
                "POST", "/oauth/authorizations/" + seeded.id() + "/actions/regenerate-tokens"))
        .isEqualTo(1);
  }

  @Test
  void account_succeedsWithALiveToken(HerokuStandIn heroku) {
    client(heroku).account(heroku.defaultToken());

    assertThat(heroku.count("GET", "/account")).isEqualTo(1);
  }

  @Test
  void regenerate_ofAnotherAccountsOrUnknownAuthorization_isNotFound(HerokuStandIn heroku) {
    String unknown = UUID.randomUUID().toString();

    assertThatThrownBy(() -> client(heroku).regenerate(unknown, heroku.defaultToken()))
        .isInstanceOf(VendorCallException.class)
        .satisfies(e -> assertThat(((VendorCallException) e).status()).isEqualTo(404));
  }

  @Test
  void serverError_isANamedFailure_thatCarriesNoToken(HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn rotation");
    heroku.failNext(1, 503);

    assertThatThrownBy(
            () -> client(heroku).regenerate(seeded.id().toString(), seeded.accessToken()))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("503")
        .satisfies(e -> assertThat(e.getMessage().contains(seeded.accessToken())).isFalse());
    assertThat(heroku.currentAccessToken(seeded.id()).equals(seeded.accessToken()))
        .as("a failed call changed nothing")
        .isTrue();
  }

  @Test
  void vendor_appliesAndProves_throughTheApi(HerokuStandIn heroku) {
    OAuthAuthorization seeded = heroku.seedAuthorization("keyturn rotation");
    HerokuVendor vendor = new HerokuVendor(client(heroku));
    String current =
        new HerokuCredential(seeded.id().toString(), seeded.accessToken()).toSecretValue();

    String issued = vendor.apply("HK_PLATFORM_FULL", current, null);
    vendor.prove("HK_PLATFORM_FULL", issued);

    assertThat(
            HerokuCredential.parse(issued).token().equals(heroku.currentAccessToken(seeded.id())))
        .isTrue();
    assertThatThrownBy(() -> vendor.prove("HK_PLATFORM_FULL", current))
        .isInstanceOf(VendorCallException.class);
  }
}
