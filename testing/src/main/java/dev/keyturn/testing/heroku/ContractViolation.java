package dev.keyturn.testing.heroku;

/**
 * A departure from Heroku's published contract, noticed by the stand-in.
 *
 * @param kind who broke the contract
 * @param method the request's HTTP method
 * @param path the request's path (no query)
 * @param message what was wrong; names fields and rules, never values
 */
public record ContractViolation(Kind kind, String method, String path, String message) {

  /** Which side broke the contract. */
  public enum Kind {
    /** The client sent something Heroku's schema does not allow (route, headers, body). */
    REQUEST,
    /** The stand-in answered with something the link's targetSchema does not allow. */
    RESPONSE,
    /** A route Heroku has, but the stand-in does not implement; the test exercised a gap. */
    UNSUPPORTED
  }

  @Override
  public String toString() {
    return kind + " " + method + " " + path + ": " + message;
  }
}
