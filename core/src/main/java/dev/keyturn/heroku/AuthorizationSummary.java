package dev.keyturn.heroku;

import java.util.List;

/**
 * An OAuth authorization without its token: what keyturn reads to copy its scope or to find one it
 * made by its description.
 *
 * @param id the authorization id
 * @param description the human-friendly description, or null
 * @param scope the scopes granted, e.g. {@code [global]}
 */
public record AuthorizationSummary(String id, String description, List<String> scope) {

  public AuthorizationSummary {
    scope = List.copyOf(scope);
  }
}
