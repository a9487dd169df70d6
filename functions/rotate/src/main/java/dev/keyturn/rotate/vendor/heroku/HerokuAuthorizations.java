package dev.keyturn.rotate.vendor.heroku;

import dev.keyturn.heroku.AuthorizationSummary;
import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.HerokuApiException;
import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.heroku.OAuthAuthorization;
import dev.keyturn.heroku.RateLimitLowException;
import dev.keyturn.heroku.TokenProvider;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.IssueRequest;
import dev.keyturn.rotate.vendor.IssuedCredential;
import dev.keyturn.rotate.vendor.Superseded;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.rotate.vendor.VendorCredentials;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code heroku-authorization}: a Heroku OAuth authorization and its token. A rotation creates a
 * second authorization with the same scope ({@code POST /oauth/authorizations}, authenticated by
 * the current token), proves its token with {@code GET /account}, and deletes the old authorization
 * once the new one is AWSCURRENT ({@code DELETE /oauth/authorizations/{id}}, authenticated by the
 * new token). The old token works until then, so a lost answer never leaves the account without a
 * working token.
 *
 * <p>Each new authorization's description names the secret and the version it is for; an attempt
 * that follows an earlier one for the same version deletes authorizations with that description
 * first (an earlier create whose answer or store was lost). Each call gets an API bound to the
 * bearer it needs (sharing one HTTP client); core's client never repeats the create.
 */
public final class HerokuAuthorizations implements VendorCredentials {

  static final String VENDOR = "heroku";
  private static final Logger LOG = LoggerFactory.getLogger(HerokuAuthorizations.class);

  private final HttpClient http;
  private final HerokuSettings settings;
  private final Clock clock;

  public HerokuAuthorizations(HerokuSettings settings, Clock clock) {
    this.http = HerokuApi.lazyHttpClient(settings);
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String generatorType() {
    return HerokuAuthorizationGenerator.TYPE;
  }

  @Override
  public IssuedCredential issue(IssueRequest request) {
    HerokuCredential current = read(request.secretName(), request.currentValue());
    String description = description(request);
    if (request.journal().askedBefore()) {
      removeUnstored(request, current, description);
    }
    AuthorizationSummary model =
        call(
            "authorization-info",
            current.token(),
            api -> api.authorization(current.authorizationId()));
    request.journal().issuing();
    OAuthAuthorization created =
        call(
            "create-authorization",
            current.token(),
            api -> api.createAuthorization(model.scope(), description));
    request.journal().issued(created.id());
    HerokuCredential issued;
    try {
      issued = new HerokuCredential(created.id(), created.accessToken());
    } catch (MalformedSecretValueException unexpectedShape) {
      throw new VendorCallException(VENDOR, "create-authorization", 201, "unexpected-response");
    }
    return new IssuedCredential(issued.authorizationId(), issued.toSecretValue());
  }

  /** What marks an authorization as this rotation's: the secret's name and the version id. */
  static String description(IssueRequest request) {
    return "keyturn " + request.secretName() + " version " + request.versionId();
  }

  private void removeUnstored(IssueRequest request, HerokuCredential current, String description) {
    for (AuthorizationSummary a :
        call("list-authorizations", current.token(), HerokuApi::authorizations)) {
      if (description.equals(a.description()) && !a.id().equals(current.authorizationId())) {
        call("delete-authorization", current.token(), api -> api.deleteAuthorization(a.id()));
        LOG.info(
            "deleted authorization {} that an earlier attempt for {} version {} made but never stored",
            a.id(),
            request.secretName(),
            request.versionId());
      }
    }
  }

  @Override
  public void test(String secretName, Map<String, String> options, String value) {
    call("account", read(secretName, value).token(), HerokuApi::account);
  }

  @Override
  public void retire(Superseded old) {
    HerokuCredential current = read(old.secretName(), old.currentValue());
    call(
        "delete-authorization",
        current.token(),
        api -> api.deleteAuthorization(old.credentialId()));
  }

  @Override
  public String credentialId(String value) {
    return HerokuCredential.parse(value).authorizationId();
  }

  private static HerokuCredential read(String secretName, String value) {
    try {
      return HerokuCredential.parse(value);
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(secretName);
    }
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
