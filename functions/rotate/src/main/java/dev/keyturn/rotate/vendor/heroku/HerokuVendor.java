package dev.keyturn.rotate.vendor.heroku;

import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.Vendor;

/**
 * Heroku OAuth authorizations: setSecret regenerates the authorization's token (Heroku issues the
 * new value; the current token authenticates the call and stops working), testSecret reads {@code
 * GET /account} with the new token.
 */
public final class HerokuVendor implements Vendor {

  private final HerokuOAuth oauth;

  public HerokuVendor(HerokuOAuth oauth) {
    this.oauth = oauth;
  }

  @Override
  public String generatorType() {
    return HerokuAuthorizationGenerator.TYPE;
  }

  @Override
  public boolean issuesValues() {
    return true;
  }

  @Override
  public String apply(String secretName, String currentValue, String pendingValue) {
    HerokuCredential current = read(secretName, currentValue);
    return oauth.regenerate(current.authorizationId(), current.token()).toSecretValue();
  }

  @Override
  public void prove(String secretName, String value) {
    oauth.account(read(secretName, value).token());
  }

  private static HerokuCredential read(String secretName, String value) {
    try {
      return HerokuCredential.parse(value);
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(secretName);
    }
  }
}
