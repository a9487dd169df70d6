package dev.keyturn.local.db.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an app reads from a database secret (the RDS/ElastiCache JSON shape) to open connections.
 * {@link #toString()} never shows the password.
 */
public record AppCredential(
    String engine,
    String host,
    int port,
    String username,
    String password,
    String dbname,
    Boolean ssl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static AppCredential parse(String value) {
    try {
      JsonNode n = JSON.readTree(value);
      return new AppCredential(
          n.path("engine").asText(),
          n.path("host").asText(),
          n.path("port").asInt(),
          n.path("username").asText(),
          n.path("password").asText(),
          n.hasNonNull("dbname") ? n.path("dbname").asText() : null,
          n.has("ssl") ? n.path("ssl").asBoolean() : null);
    } catch (java.io.IOException notJson) {
      throw new IllegalArgumentException("not a database secret value");
    }
  }

  public boolean redis() {
    return engine.equals("redis");
  }

  /** TLS as keyturn's rotation decides it: as {@code ssl} says, else on except for Redis. */
  public boolean tls() {
    return ssl != null ? ssl : !redis();
  }

  @Override
  public String toString() {
    return "AppCredential[" + engine + " " + username + "@" + host + ":" + port + "]";
  }
}
