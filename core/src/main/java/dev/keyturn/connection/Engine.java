package dev.keyturn.connection;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The database and cache engines a connection secret can name, with the {@code engine} values AWS's
 * RDS and ElastiCache secrets use for them.
 */
public enum Engine {
  POSTGRES(5432, "postgres", List.of("postgres", "postgresql", "aurora-postgresql")),
  MYSQL(3306, "mysql", List.of("mysql", "aurora-mysql", "aurora")),
  MARIADB(3306, "mysql", List.of("mariadb")),
  REDIS(6379, "redis", List.of("redis", "valkey"));

  private final int defaultPort;
  private final String urlScheme;
  private final List<String> names;

  Engine(int defaultPort, String urlScheme, List<String> names) {
    this.defaultPort = defaultPort;
    this.urlScheme = urlScheme;
    this.names = names;
  }

  /** The engine an {@code engine} value names (case-insensitive), if any. */
  public static Optional<Engine> named(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.names.contains(wanted)).findFirst();
  }

  /** The port when the secret has none. */
  public int defaultPort() {
    return defaultPort;
  }

  /** The scheme of a composed URL (TLS variants are the caller's business). */
  public String urlScheme() {
    return urlScheme;
  }

  /** The {@code engine} values that name this engine. */
  public List<String> names() {
    return names;
  }
}
