package dev.keyturn.heroku;

/** Supplies the Heroku API token. Implementations cache it and drop the cache on request. */
public interface TokenProvider {

  /** The token to send as {@code Authorization: Bearer}. */
  String token();

  /** Forgets a cached token (Heroku answered 401), so the next {@link #token()} reads it again. */
  void refresh();

  /** A fixed token, e.g. from an operator's environment in the CLI. */
  static TokenProvider fixed(String token) {
    return new TokenProvider() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public void refresh() {}

      @Override
      public String toString() {
        return "TokenProvider[fixed, ***]";
      }
    };
  }
}
