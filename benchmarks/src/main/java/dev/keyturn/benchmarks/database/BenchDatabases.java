package dev.keyturn.benchmarks.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyturn.local.db.MariaDbServer;
import dev.keyturn.local.db.PostgresServer;
import dev.keyturn.local.db.RedisServer;
import dev.keyturn.local.db.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The three real servers of the benchmark (testing's launchers, TLS from one CA) and, per case, an
 * app's users and data on one of them, with the secret value (RDS/ElastiCache JSON, TLS on) that
 * names them.
 */
final class BenchDatabases implements AutoCloseable {

  enum Engine {
    POSTGRES,
    MARIADB,
    REDIS
  }

  /** An app on a server: its first secret value and the query its pool runs. */
  record App(String value, String query) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestCertificates certificates;
  private PostgresServer postgres;
  private MariaDbServer mariadb;
  private RedisServer redis;

  BenchDatabases(Path directory) {
    this.certificates = TestCertificates.generate(directory);
  }

  Path caBundle() {
    return certificates.caBundle();
  }

  /**
   * Users and data for one case. {@code storeMaster} stores the master's value in Secrets Manager
   * and returns its ARN (alternating users only).
   */
  App create(Engine engine, boolean alternating, UnaryOperator<String> storeMaster)
      throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String user = "bench_" + suffix;
    String password = random();
    String master = "master_" + suffix;
    String masterPassword = random();
    Map<String, Object> value = new LinkedHashMap<>();
    String query;
    switch (engine) {
      case POSTGRES -> {
        PostgresServer pg = postgres();
        pg.createLoginRole(user, password);
        pg.createLoginRole(master, masterPassword);
        pg.admin("postgres", "ALTER ROLE " + master + " CREATEROLE");
        pg.createDatabase(user, user);
        try (Connection c = pg.connect(user, password, user, true);
            Statement s = c.createStatement()) {
          s.execute("CREATE TABLE items AS SELECT generate_series(1, 100) AS id");
        }
        value.putAll(Map.of("engine", "postgres", "port", pg.port(), "dbname", user));
        query = "SELECT count(*) FROM items";
      }
      case MARIADB -> {
        MariaDbServer m = mariadb();
        m.createUser(master, masterPassword);
        m.admin("GRANT ALL PRIVILEGES ON *.* TO '" + master + "'@'%' WITH GRANT OPTION");
        m.createUser(user, password);
        m.admin(
            "CREATE DATABASE " + user,
            "CREATE TABLE " + user + ".items (id int PRIMARY KEY)",
            "INSERT INTO " + user + ".items VALUES (1), (2), (3)",
            "GRANT SELECT ON " + user + ".* TO '" + user + "'@'%'");
        value.putAll(Map.of("engine", "mariadb", "port", m.port(), "dbname", user));
        query = "SELECT count(*) FROM items";
      }
      default -> {
        RedisServer r = redis();
        r.createUser(master, masterPassword, "~*", "&*", "+@all");
        if (alternating) {
          r.createUser(user, password, "~bench:*", "+@read", "+ping");
        } else {
          r.createUser(user, password, "~bench:*", "+@read", "+ping", "+acl|setuser");
        }
        r.admin("SET", "bench:item", "1");
        value.putAll(Map.of("engine", "redis", "port", r.tlsPort()));
        query = "bench:item";
      }
    }
    value.put("host", "127.0.0.1");
    value.put("username", user);
    value.put("password", password);
    value.put("ssl", true);
    if (alternating) {
      value.put(
          "masterarn",
          storeMaster.apply(write(Map.of("username", master, "password", masterPassword))));
    }
    return new App(write(value), query);
  }

  private synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = PostgresServer.start(certificates);
    }
    return postgres;
  }

  private synchronized MariaDbServer mariadb() {
    if (mariadb == null) {
      mariadb = MariaDbServer.start(certificates);
    }
    return mariadb;
  }

  private synchronized RedisServer redis() {
    if (redis == null) {
      redis = RedisServer.start(certificates);
    }
    return redis;
  }

  private static String random() {
    return UUID.randomUUID().toString().replace("-", "") + "Aa1";
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("JSON", e);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable server : new AutoCloseable[] {postgres, mariadb, redis}) {
      if (server != null) {
        try {
          server.close();
        } catch (Exception ignored) {
          // stop the others
        }
      }
    }
  }
}
