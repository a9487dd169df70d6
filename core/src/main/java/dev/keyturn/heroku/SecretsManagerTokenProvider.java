package dev.keyturn.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.secrets.Stages;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the Heroku API token from a Secrets Manager secret (at AWSCURRENT) once per container and
 * keeps it until Heroku rejects it. The secret holds either the raw token or JSON with a {@code
 * token} field (what keyturn's Heroku rotation writes: {@code {"authorizationId", "token"}}).
 */
public final class SecretsManagerTokenProvider implements TokenProvider {

  private final SecretsManagerClient secretsManager;
  private final String secretId;
  private volatile String cached;

  /**
   * A blank {@code secretId} is accepted here and refused at the first {@link #token()}: Lambda
   * contexts create every singleton eagerly, and functions that never call Heroku have no token.
   */
  public SecretsManagerTokenProvider(SecretsManagerClient secretsManager, String secretId) {
    this.secretsManager = secretsManager;
    this.secretId = secretId;
  }

  @Override
  public String token() {
    String token = cached;
    if (token == null) {
      synchronized (this) {
        if (cached == null) {
          cached = read();
        }
        token = cached;
      }
    }
    return token;
  }

  @Override
  public void refresh() {
    cached = null;
  }

  private String read() {
    if (secretId == null || secretId.isBlank()) {
      throw new TokenSecretInvalidException("(unset)", "HEROKU_API_TOKEN_SECRET is not set");
    }
    String value =
        secretsManager
            .getSecretValue(b -> b.secretId(secretId).versionStage(Stages.CURRENT))
            .secretString();
    return parse(secretId, value);
  }

  /** The token in a secret's value: the raw string, or the {@code token} field of a JSON object. */
  static String parse(String secretId, String value) {
    if (value == null || value.isBlank()) {
      throw new TokenSecretInvalidException(secretId, "no string value");
    }
    String trimmed = value.strip();
    if (!trimmed.startsWith("{")) {
      return trimmed;
    }
    JsonNode token;
    try {
      token = Json.tree(trimmed).get("token");
    } catch (Json.JsonException e) {
      throw new TokenSecretInvalidException(secretId, "value looks like JSON but does not parse");
    }
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw new TokenSecretInvalidException(secretId, "JSON value has no \"token\" string");
    }
    return token.asText().strip();
  }

  @Override
  public String toString() {
    return "SecretsManagerTokenProvider[" + secretId + "]";
  }
}
