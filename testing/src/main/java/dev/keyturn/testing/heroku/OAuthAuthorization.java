package dev.keyturn.testing.heroku;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An OAuth authorization (what {@code heroku authorizations:create} makes) and its current access
 * token. {@link #toString()} masks the token.
 */
public record OAuthAuthorization(
    UUID id,
    String description,
    List<String> scope,
    UUID accessTokenId,
    String accessToken,
    HerokuUser user,
    Instant createdAt,
    Instant updatedAt) {

  public OAuthAuthorization {
    scope = List.copyOf(scope);
  }

  @Override
  public String toString() {
    return "OAuthAuthorization[id=%s, description=%s, scope=%s, accessTokenId=%s, accessToken=****, user=%s]"
        .formatted(id, description, scope, accessTokenId, user.email());
  }
}
