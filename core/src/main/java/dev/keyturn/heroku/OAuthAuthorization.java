package dev.keyturn.heroku;

/**
 * An OAuth authorization with its access token, as {@code POST /oauth/authorizations} and {@code
 * regenerate-tokens} answer. {@link #toString()} masks the token.
 *
 * @param id the authorization id
 * @param accessToken the authorization's (new) access token
 * @param expiresIn seconds until the access token expires; null when it does not
 */
public record OAuthAuthorization(String id, String accessToken, Long expiresIn) {

  @Override
  public String toString() {
    return "OAuthAuthorization[id=" + id + ", accessToken=***, expiresIn=" + expiresIn + "]";
  }
}
