package dev.keyturn.heroku;

/** The secret named by {@code HEROKU_API_TOKEN_SECRET} holds no usable token. */
public class TokenSecretInvalidException extends RuntimeException {

  private final String secretId;

  public TokenSecretInvalidException(String secretId, String reason) {
    super("Heroku API token secret " + secretId + " is not usable: " + reason);
    this.secretId = secretId;
  }

  public String secretId() {
    return secretId;
  }
}
