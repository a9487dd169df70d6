package dev.keyturn.rotate.database;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.rotate.protocol.ErrorNames;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import java.util.Locale;

/**
 * Reads the master secret an alternating-users secret names in {@code masterarn} (its AWSCURRENT
 * version) and turns it into a login to the child's server. Only setSecret of an alternating-users
 * rotation calls this; the master's value goes no further than that login (never into a value, a
 * record, an event or a sink).
 *
 * <p>The master may be a full connection secret or, as RDS-managed master secrets are, just {@code
 * {"username", "password"}}: missing connection fields come from the child. AWS's templates look
 * such a master's host up in the RDS API instead; keyturn does not call RDS. A master that names a
 * host must name the child's (AWS's read-replica exception, which needs the RDS API, is not made).
 */
public final class MasterSecrets {

  private final SecretStages secrets;

  public MasterSecrets(SecretStages secrets) {
    this.secrets = secrets;
  }

  /**
   * @throws MasterSecretException when the master cannot be read, is not a credential, or names
   *     another host
   */
  public ConnectionSecret login(String secretName, ConnectionSecret child) {
    String arn = child.masterArn();
    JsonNode master = read(secretName, arn);
    String username = text(master, ConnectionSecret.USERNAME);
    String password = text(master, ConnectionSecret.PASSWORD);
    if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
      throw new MasterSecretException(secretName, arn, "has no 'username' and 'password'");
    }
    String host = text(master, ConnectionSecret.HOST);
    if (host != null && !host.equalsIgnoreCase(child.host())) {
      throw new MasterSecretException(
          secretName, arn, "is for host " + host + ", not the secret's host " + child.host());
    }
    return new ConnectionSecret(
        child.engine(),
        child.host(),
        port(master, child.port()),
        username,
        password,
        child.dbname(),
        null,
        ssl(master, child.ssl()));
  }

  private JsonNode read(String secretName, String arn) {
    String value;
    try {
      String version =
          secrets
              .require(arn)
              .versionWith(Stages.CURRENT)
              .orElseThrow(
                  () -> new MasterSecretException(secretName, arn, "has no AWSCURRENT version"));
      value =
          secrets
              .value(arn, version, Stages.CURRENT)
              .orElseThrow(
                  () -> new MasterSecretException(secretName, arn, "has no AWSCURRENT value"));
    } catch (MasterSecretException e) {
      throw e;
    } catch (RuntimeException e) {
      MasterSecretException unreadable =
          new MasterSecretException(secretName, arn, "cannot be read: " + ErrorNames.describe(e));
      unreadable.initCause(e);
      throw unreadable;
    }
    try {
      JsonNode node = dev.keyturn.json.Json.tree(value);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (dev.keyturn.json.Json.JsonException notJson) {
      // reported below, without the parser's message
    }
    throw new MasterSecretException(secretName, arn, "is not a JSON object");
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static int port(JsonNode node, int fallback) {
    JsonNode v = node.get(ConnectionSecret.PORT);
    if (v != null && v.isIntegralNumber()) {
      return v.asInt();
    }
    if (v != null && v.isTextual() && v.asText().strip().matches("\\d{1,5}")) {
      return Integer.parseInt(v.asText().strip());
    }
    return fallback;
  }

  private static Boolean ssl(JsonNode node, Boolean fallback) {
    JsonNode v = node.get(ConnectionSecret.SSL);
    if (v != null && v.isBoolean()) {
      return v.asBoolean();
    }
    if (v != null && v.isTextual()) {
      String s = v.asText().strip().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return Boolean.parseBoolean(s);
      }
    }
    return fallback;
  }
}
