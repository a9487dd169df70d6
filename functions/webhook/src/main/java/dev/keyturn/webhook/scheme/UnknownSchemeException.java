package dev.keyturn.webhook.scheme;

/** A webhook source names a signature scheme the registry does not know. */
public final class UnknownSchemeException extends RuntimeException {

  private final String scheme;

  public UnknownSchemeException(String scheme) {
    super("unknown webhook signature scheme '" + scheme + "'; known: " + Schemes.names());
    this.scheme = scheme;
  }

  public String scheme() {
    return scheme;
  }
}
