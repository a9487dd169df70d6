package dev.keyturn.rotate.vendor.heroku;

import dev.keyturn.rotate.vendor.VendorCallException;

/**
 * The two Heroku Platform API calls a {@code heroku-authorization} rotation makes. (A shared Heroku
 * client for core was being written in parallel; this port keeps the rotation independent of it.)
 */
public interface HerokuOAuth {

  /**
   * {@code POST /oauth/authorizations/{id}/actions/regenerate-tokens}: Heroku replaces the
   * authorization's access token; the old token stops working.
   *
   * @param bearer the token that authenticates the call
   * @return the authorization's id and its new access token
   * @throws VendorCallException when Heroku refuses or does not answer
   */
  HerokuCredential regenerate(String authorizationId, String bearer);

  /**
   * {@code GET /account}: succeeds only when {@code bearer} is a working token.
   *
   * @throws VendorCallException when Heroku refuses or does not answer
   */
  void account(String bearer);
}
