package dev.keyturn.rotate.support;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.json.Json;
import dev.keyturn.local.db.MariaDbServer;
import dev.keyturn.local.db.PostgresServer;
import dev.keyturn.local.db.RedisServer;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.rotate.database.DatabaseType;
import dev.keyturn.testing.db.DatabaseServers;
import dev.keyturn.testing.leak.SeededSecrets;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Real users on the real servers for one database rotation: the app user (owning a little data it
 * can read), a master user like an RDS master (creates users and grants, not a superuser), and the
 * secret values in AWS's RDS/ElastiCache shape. Also the checks a test makes against the servers
 * directly: does a credential log in, can it read the app's data.
 */
public final class DatabaseWorld {

  /** Tells the rotate function to trust the test CA; set before its context starts. */
  public static void trustTestCa() {
    System.setProperty(
        "keyturn.database.ca-bundle", TestCertificates.shared().caBundle().toString());
  }

  /**
   * One app's database and users.
   *
   * @param value the first secret value (AWSCURRENT)
   * @param masterArn the master secret's ARN, or null for single-user types
   * @param masterPassword the master's password (a seeded secret), or null
   */
  public record App(
      DatabaseType type,
      String user,
      String database,
      String value,
      String masterArn,
      String masterPassword) {

    public ConnectionSecret credential() {
      return ConnectionSecret.parse(value);
    }
  }

  private DatabaseWorld() {}

  /** The engine family of a type, for the servers. */
  public static Engine engine(DatabaseType type) {
    return switch (type) {
      case POSTGRES_SINGLE_USER, POSTGRES_ALTERNATING_USERS -> Engine.POSTGRES;
      case MYSQL_SINGLE_USER, MYSQL_ALTERNATING_USERS -> Engine.MARIADB;
      case REDIS_SINGLE_USER, REDIS_ALTERNATING_USERS -> Engine.REDIS;
    };
  }

  /**
   * Creates the app's users and data and returns the first value to store. {@code ssl}: null leaves
   * the key out (the engine's default: TLS for PostgreSQL and MariaDB, none for Redis); {@code
   * tlsOnly} makes the server refuse the app user without TLS (PostgreSQL, MariaDB).
   *
   * @param storeMaster stores the master secret's value in Secrets Manager, returning its ARN
   *     (alternating types only)
   */
  public static App create(
      DatabaseType type,
      Boolean ssl,
      boolean tlsOnly,
      java.util.function.UnaryOperator<String> storeMaster) {
    String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    String user = "app_" + suffix;
    String password = SeededSecrets.generate("db-" + type.type());
    String master = "master_" + suffix;
    String masterPassword = SeededSecrets.generate("db-master");
    String database = SHOP;
    Engine engine = engine(type);
    int port =
        switch (engine) {
          case POSTGRES -> postgres(user, password, master, masterPassword, database, tlsOnly);
          case MARIADB -> mariadb(user, password, master, masterPassword, database, tlsOnly);
          default -> redis(type, user, password, master, masterPassword, Boolean.TRUE.equals(ssl));
        };
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("engine", engine == Engine.MARIADB ? "mariadb" : engine.names().getFirst());
    value.put("host", "127.0.0.1");
    value.put("port", port);
    value.put("username", user);
    value.put("password", password);
    if (engine != Engine.REDIS) {
      value.put("dbname", database);
    }
    if (ssl != null) {
      value.put("ssl", ssl);
    }
    value.put("dbInstanceIdentifier", "keyturn-test-" + suffix);
    String masterArn = null;
    if (type.alternating()) {
      // like an RDS-managed master secret: only the credential; host and port come from the child
      masterArn =
          storeMaster.apply(Json.write(Map.of("username", master, "password", masterPassword)));
      value.put("masterarn", masterArn);
    }
    return new App(
        type,
        user,
        database,
        Json.write(value),
        masterArn,
        type.alternating() ? masterPassword : null);
  }

  /** The app's database: one per server and class (servers are reset between classes). */
  private static final String SHOP = "shop";

  private static int postgres(
      String user, String password, String master, String masterPassword, String db, boolean tls) {
    PostgresServer pg = DatabaseServers.postgres();
    if (tls) {
      pg.createLoginRole(user, password, PostgresServer.TLS_ONLY_ROLE);
    } else {
      pg.createLoginRole(user, password);
    }
    pg.createLoginRole(master, masterPassword);
    // an RDS master: creates roles and grants them, is no superuser
    pg.admin("postgres", "ALTER ROLE " + master + " CREATEROLE");
    synchronized (DatabaseWorld.class) {
      try (Connection c = pg.connect(pg.adminUser(), pg.adminPassword(), "postgres", false);
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
        if (!r.next()) {
          // creating a database costs a second or more; the cases of a class share one
          pg.createDatabase(db, pg.adminUser());
          pg.admin(
              db,
              "CREATE TABLE items (id int PRIMARY KEY, name text)",
              "INSERT INTO items VALUES (1, 'first')");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the app's data: " + e.getSQLState(), e);
      }
    }
    pg.admin(db, "GRANT SELECT ON items TO " + user);
    return pg.port();
  }

  private static int mariadb(
      String user, String password, String master, String masterPassword, String db, boolean tls) {
    MariaDbServer m = DatabaseServers.mariadb();
    m.createUser(master, masterPassword);
    m.admin("GRANT ALL PRIVILEGES ON *.* TO '" + master + "'@'%' WITH GRANT OPTION");
    m.createUser(user, password);
    m.admin(
        "CREATE DATABASE IF NOT EXISTS " + db,
        "CREATE TABLE IF NOT EXISTS " + db + ".items (id int PRIMARY KEY, name varchar(40))",
        "INSERT IGNORE INTO " + db + ".items VALUES (1, 'first')",
        "GRANT SELECT, INSERT, UPDATE ON " + db + ".* TO '" + user + "'@'%'");
    if (tls) {
      m.admin("ALTER USER '" + user + "'@'%' REQUIRE SSL");
    }
    return m.port();
  }

  private static int redis(
      DatabaseType type,
      String user,
      String password,
      String master,
      String masterPassword,
      boolean tls) {
    RedisServer r = DatabaseServers.redis();
    r.createUser(master, masterPassword, "~*", "&*", "+@all");
    if (type.alternating()) {
      r.createUser(user, password, "~app:*", "+@read", "+@write", "+ping");
    } else {
      // Redis has no self-service password change: a single user needs ACL SETUSER
      r.createUser(user, password, "~app:*", "+@read", "+@write", "+ping", "+acl|setuser");
    }
    r.admin("SET", "app:item:1", "first");
    return tls ? r.tlsPort() : r.port();
  }

  /** Whether the credential logs in at its server (TLS as the function would use it). */
  public static boolean logsIn(ConnectionSecret s) {
    return switch (s.engine()) {
      case POSTGRES -> sql(s, "SELECT 1") != null;
      case MYSQL, MARIADB -> sql(s, "SELECT 1") != null;
      case REDIS -> redis(s, "app:item:1") != null;
    };
  }

  /** The app's first item as the credential reads it, or null when it cannot log in. */
  public static String readsAppData(ConnectionSecret s) {
    return switch (s.engine()) {
      case POSTGRES -> sql(s, "SELECT name FROM items WHERE id = 1");
      case MYSQL, MARIADB -> sql(s, "SELECT name FROM " + s.dbname() + ".items WHERE id = 1");
      case REDIS -> redis(s, "app:item:1");
    };
  }

  /** Whether the credential may read a Redis key outside the app's pattern. */
  public static boolean redisReadsOutsideItsKeys(ConnectionSecret s) {
    try (StatefulRedisConnection<String, String> c =
        DatabaseServers.redis().connect(s.username(), s.password(), Boolean.TRUE.equals(s.ssl()))) {
      c.sync().get("other:key");
      return true;
    } catch (RedisCommandExecutionException noPermission) {
      return false;
    }
  }

  private static boolean tls(ConnectionSecret s) {
    return s.ssl() == null ? s.engine() != Engine.REDIS : s.ssl();
  }

  private static String sql(ConnectionSecret s, String query) {
    try (Connection c =
            s.engine() == Engine.POSTGRES
                ? DatabaseServers.postgres().connect(s.username(), s.password(), s.dbname(), tls(s))
                : DatabaseServers.mariadb()
                    .connect(s.username(), s.password(), s.dbname(), tls(s));
        Statement st = c.createStatement();
        ResultSet r = st.executeQuery(query)) {
      r.next();
      String value = r.getString(1);
      return value == null ? "" : value;
    } catch (SQLException refused) {
      return null;
    }
  }

  private static String redis(ConnectionSecret s, String key) {
    try (StatefulRedisConnection<String, String> c =
        DatabaseServers.redis().connect(s.username(), s.password(), tls(s))) {
      String value = c.sync().get(key);
      return value == null ? "" : value;
    } catch (RedisConnectionException refused) {
      return null;
    }
  }
}
