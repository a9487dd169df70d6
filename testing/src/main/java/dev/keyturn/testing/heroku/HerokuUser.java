package dev.keyturn.testing.heroku;

import java.util.UUID;

/** A Heroku account known to the stand-in; API tokens authenticate as one of these. */
public record HerokuUser(UUID id, String email, String fullName) {

  static HerokuUser operator() {
    return new HerokuUser(UUID.randomUUID(), "operator@example.com", "Keyturn Operator");
  }
}
