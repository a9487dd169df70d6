package dev.keyturn.rotate.vendor.heroku;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.HerokuApiException;
import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.heroku.OAuthAuthorization;
import dev.keyturn.heroku.RateLimitLowException;
import dev.keyturn.heroku.TokenProvider;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.VendorCallException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * {@link HerokuOAuth} over core's {@link HerokuApi}: each call authenticates with the credential
 * being rotated, so each gets an API bound to that bearer (sharing one HTTP client). Core's client
 * never repeats regenerate-tokens (a second call would revoke the first new token) and retries
 * {@code GET /account} on 5xx and timeouts.
 */
public final class HerokuApiOAuth implements HerokuOAuth {

  static final String VENDOR = "heroku";

  private final HttpClient http;
  private final HerokuSettings settings;
  private final Clock clock;

  public HerokuApiOAuth(HerokuSettings settings, Clock clock) {
    this.http = HerokuApi.httpClient(settings);
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public HerokuCredential regenerate(String authorizationId, String bearer) {
    OAuthAuthorization issued =
        call("regenerate-tokens", bearer, api -> api.regenerateTokens(authorizationId));
    if (issued.accessToken() == null) {
      throw new VendorCallException(VENDOR, "regenerate-tokens", 200, "no-access-token");
    }
    try {
      return new HerokuCredential(issued.id(), issued.accessToken());
    } catch (MalformedSecretValueException unexpectedShape) {
      throw new VendorCallException(VENDOR, "regenerate-tokens", 200, "unexpected-response");
    }
  }

  @Override
  public void account(String bearer) {
    call("account", bearer, HerokuApi::account);
  }

  private <T> T call(String operation, String bearer, Function<HerokuApi, T> request) {
    HerokuApi api =
        new HerokuApi(
            http, settings, TokenProvider.fixed(bearer), clock, RandomGenerator.getDefault());
    try {
      return request.apply(api);
    } catch (RateLimitLowException e) {
      throw new VendorCallException(VENDOR, operation, 429, "rate_limit");
    } catch (HerokuApiException e) {
      throw new VendorCallException(VENDOR, operation, e.status(), e.id());
    }
  }
}
