package dev.keyturn.sync.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.Source;
import dev.keyturn.json.Json;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.List;

/**
 * An API token kept in Secrets Manager (an inventory entry's source, e.g. the seed's {@code GH_…}
 * or {@code CF_…}), read through core's {@link SecretSource} at AWSCURRENT lazily (never before a
 * SnapStart snapshot) and cached until {@link #refresh()} (the API answered 401: the token may have
 * been rotated). The value is the raw token or JSON with a {@code token} field.
 */
public final class SecretToken {

  private final SecretSource secrets;
  private final String secretId;
  private final String setting;
  private volatile String cached;

  /**
   * @param setting the environment variable that names the secret, for error messages
   */
  public SecretToken(SecretSource secrets, String secretId, String setting) {
    this.secrets = secrets;
    this.secretId = secretId;
    this.setting = setting;
  }

  /**
   * @throws SinkCallException ({@code <setting>_unset} / {@code token_unreadable}) when there is no
   *     usable token; never the value
   */
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

  public void refresh() {
    cached = null;
  }

  private String read() {
    if (secretId == null || secretId.isBlank()) {
      throw new SinkCallException("token_secret_unset:" + setting);
    }
    Source source = new Source.SecretsManager(secretId);
    SecretValue value = secrets.current(List.of(source)).get(source);
    if (value == null || value.value() == null || value.value().isBlank()) {
      throw new SinkCallException("token_unreadable:" + secretId);
    }
    String raw = value.value().strip();
    if (!raw.startsWith("{")) {
      return raw;
    }
    try {
      JsonNode token = Json.tree(raw).get("token");
      if (token != null && token.isTextual() && !token.asText().isBlank()) {
        return token.asText().strip();
      }
    } catch (Json.JsonException notJson) {
      // fall through: named below, the value never
    }
    throw new SinkCallException("token_unreadable:" + secretId);
  }

  @Override
  public String toString() {
    return "SecretToken[" + secretId + "]";
  }
}
