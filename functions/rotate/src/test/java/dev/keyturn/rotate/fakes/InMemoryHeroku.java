package dev.keyturn.rotate.fakes;

import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.rotate.vendor.heroku.HerokuCredential;
import dev.keyturn.rotate.vendor.heroku.HerokuOAuth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Heroku's OAuth authorizations in memory: regenerating replaces the token (the old one stops
 * working); only a live token can regenerate its authorization or read the account.
 */
public final class InMemoryHeroku implements HerokuOAuth {

  private final Map<String, String> tokenByAuthorization = new HashMap<>();
  private int regenerations;

  /** A new authorization with a live token. */
  public HerokuCredential authorize() {
    HerokuCredential credential =
        new HerokuCredential(UUID.randomUUID().toString(), "HRKU-" + UUID.randomUUID());
    tokenByAuthorization.put(credential.authorizationId(), credential.token());
    return credential;
  }

  public boolean isLive(String token) {
    return tokenByAuthorization.containsValue(token);
  }

  public int regenerations() {
    return regenerations;
  }

  @Override
  public HerokuCredential regenerate(String authorizationId, String bearer) {
    if (!bearer.equals(tokenByAuthorization.get(authorizationId))) {
      throw new VendorCallException("heroku", "regenerate-tokens", 401, "unauthorized");
    }
    regenerations++;
    String token = "HRKU-" + UUID.randomUUID();
    tokenByAuthorization.put(authorizationId, token);
    return new HerokuCredential(authorizationId, token);
  }

  @Override
  public void account(String bearer) {
    if (!isLive(bearer)) {
      throw new VendorCallException("heroku", "account", 401, "unauthorized");
    }
  }
}
