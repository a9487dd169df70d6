package dev.keyturn.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of a database or cache credential, in the JSON shape AWS's RDS and ElastiCache rotation
 * templates use, so existing secrets work unchanged: {@code {"engine", "host", "port", "username",
 * "password", "dbname"?, "masterarn"?, "ssl"?}}. Other fields may be present; readers that rewrite
 * the value keep them (this record does not carry them).
 *
 * @param engine the engine ({@code engine}; postgres, mysql, mariadb, redis and AWS's aliases)
 * @param host a host name or IP address literal (checked, so it is safe in a URL)
 * @param port the port ({@code port}, a number or a numeric string; the engine's default when
 *     absent)
 * @param username the user
 * @param password the password; never shown by {@link #toString()}
 * @param dbname the database, or null ({@code dbname})
 * @param masterArn the secret of the user that manages this one, or null ({@code masterarn})
 * @param ssl {@code true}/{@code false} as given ({@code ssl}, a boolean or "true"/"false"), or
 *     null when absent or not one of those (the engine's default then applies)
 */
public record ConnectionSecret(
    Engine engine,
    String host,
    int port,
    String username,
    String password,
    String dbname,
    String masterArn,
    Boolean ssl) {

  public static final String ENGINE = "engine";
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String DBNAME = "dbname";
  public static final String MASTER_ARN = "masterarn";
  public static final String SSL = "ssl";

  /** Letters, digits, dots, dashes and underscores (names), or an IPv6 literal. */
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]{1,253}");

  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /**
   * Reads a secret value.
   *
   * @throws MalformedConnectionSecretException naming the problem, never the value
   */
  public static ConnectionSecret parse(String value) {
    JsonNode node;
    try {
      node = Json.tree(value == null ? "" : value);
    } catch (Json.JsonException notJson) {
      throw new MalformedConnectionSecretException("the value is not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new MalformedConnectionSecretException("the value is not a JSON object");
    }
    String engineName = text(node, ENGINE);
    Engine engine =
        Engine.named(engineName)
            .orElseThrow(() ->
                new MalformedConnectionSecretException(
                    engineName == null
                        ? "'engine' is missing"
                        : "'engine' is not one of postgres, mysql, mariadb, redis"));
    String host = required(node, HOST);
    if (!HOST_NAME.matcher(host).matches()
        && !(host.contains(":") && IPV6.matcher(host).matches())) {
      throw new MalformedConnectionSecretException("'host' is not a host name or IP address");
    }
    return new ConnectionSecret(
        engine,
        host,
        port(node, engine),
        required(node, USERNAME),
        required(node, PASSWORD),
        text(node, DBNAME),
        text(node, MASTER_ARN),
        ssl(node));
  }

  public Optional<String> database() {
    return Optional.ofNullable(dbname);
  }

  public Optional<String> master() {
    return Optional.ofNullable(masterArn);
  }

  /** The host as a URL authority part: IPv6 literals in brackets. */
  public String urlHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return "ConnectionSecret[engine="
        + engine.names().getFirst()
        + ", host="
        + host
        + ", port="
        + port
        + ", username="
        + username
        + ", password=***, dbname="
        + dbname
        + ", masterarn="
        + masterArn
        + ", ssl="
        + ssl
        + "]";
  }

  private static String required(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isEmpty()) {
      throw new MalformedConnectionSecretException("'" + field + "' is missing or empty");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static int port(JsonNode node, Engine engine) {
    JsonNode v = node.get(PORT);
    if (v == null || v.isNull()) {
      return engine.defaultPort();
    }
    int port;
    if (v.isIntegralNumber()) {
      port = v.asInt();
    } else if (v.isTextual() && v.asText().strip().matches("\\d{1,5}")) {
      port = Integer.parseInt(v.asText().strip());
    } else {
      throw new MalformedConnectionSecretException("'port' is not a port number");
    }
    if (port < 1 || port > 65535) {
      throw new MalformedConnectionSecretException("'port' is not a port number");
    }
    return port;
  }

  private static Boolean ssl(JsonNode node) {
    JsonNode v = node.get(SSL);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual()) {
      return switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }
}
