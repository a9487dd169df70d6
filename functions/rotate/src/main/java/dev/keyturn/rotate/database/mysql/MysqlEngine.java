package dev.keyturn.rotate.database.mysql;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.rotate.database.DatabaseCommandException;
import dev.keyturn.rotate.database.DatabaseEngine;
import dev.keyturn.rotate.database.DatabaseSettings;
import dev.keyturn.rotate.database.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL and MariaDB through the MariaDB JDBC driver (the official client for both). Every user
 * name, host and password is a bound parameter, which the driver quotes. On MariaDB the password
 * goes as its {@code mysql_native_password} hash ({@code SET PASSWORD = '*...'}, {@code IDENTIFIED
 * BY PASSWORD '*...'}), so the general query log shows the hash, never the password. MySQL 8 has no
 * such form for its default plugin; there {@code IDENTIFIED BY ?} sends the password, which MySQL
 * itself rewrites out of its general, slow and binary logs.
 *
 * <p>A clone is created locked ({@code ACCOUNT LOCK}), given the original's grants and TLS
 * requirement, and only then gets its password and is unlocked, so a crash in between never leaves
 * a user that logs in without its rights (statements of MySQL/MariaDB user management are not
 * transactional).
 */
public final class MysqlEngine implements DatabaseEngine {

  /**
   * Access denied (1045; 1698 when the server fakes a login for an unknown user), account locked
   * (MariaDB 4151, MySQL 3118), database access denied (1044).
   */
  private static final Set<Integer> REFUSED = Set.of(1045, 1698, 4151, 3118, 1044);

  private final DatabaseSettings settings;

  public MysqlEngine(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public Set<Engine> engines() {
    return Set.of(Engine.MYSQL, Engine.MARIADB);
  }

  @Override
  public boolean canLogin(ConnectionSecret credential) {
    try (Connection c = connect(credential);
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      if (REFUSED.contains(e.getErrorCode())) {
        return false;
      }
      throw new DatabaseUnavailableException(
          name(credential), credential.host(), credential.port(), code(e));
    }
  }

  @Override
  public void changeOwnPassword(ConnectionSecret credential, String newPassword) {
    try (Connection c = connect(credential)) {
      boolean mariadb = isMariaDb(c);
      try (PreparedStatement s =
          c.prepareStatement(
              mariadb ? "SET PASSWORD = ?" : "ALTER USER CURRENT_USER() IDENTIFIED BY ?")) {
        s.setString(1, mariadb ? NativePasswords.hash(newPassword) : newPassword);
        s.execute();
      }
    } catch (SQLException e) {
      throw failed(credential, "set own password", credential.username(), e);
    }
  }

  @Override
  public void setPassword(ConnectionSecret master, UserChange user) {
    String step = "find user";
    try (Connection c = connect(master)) {
      List<String> hosts =
          strings(c, "SELECT Host FROM mysql.user WHERE User = ?", user.rightsOf());
      if (hosts.size() != 1) {
        throw new DatabaseCommandException(
            name(master) + "@" + master.host() + ":" + master.port(),
            "find the original's account",
            user.rightsOf(),
            hosts.isEmpty() ? "no such user" : "the user has accounts for several hosts");
      }
      // the clone is made for the same host part as the original's account
      String host = hosts.getFirst();
      boolean mariadb = isMariaDb(c);
      boolean exists = userExists(c, user.name(), host);
      if (!exists) {
        step = "create user";
        execute(c, "CREATE USER ?@? ACCOUNT LOCK", user.name(), host);
      }
      if (!exists || user.mirror()) {
        step = "copy grants";
        copyGrants(c, user.rightsOf(), user.name(), host);
        step = "copy TLS requirement";
        copyTlsRequirement(c, user.rightsOf(), user.name(), host);
      }
      step = "set password";
      if (mariadb) {
        execute(
            c,
            "ALTER USER ?@? IDENTIFIED BY PASSWORD ? ACCOUNT UNLOCK",
            user.name(),
            host,
            NativePasswords.hash(user.newPassword()));
      } else {
        execute(
            c,
            "ALTER USER ?@? IDENTIFIED BY ? ACCOUNT UNLOCK",
            user.name(),
            host,
            user.newPassword());
      }
    } catch (SQLException e) {
      throw failed(master, step, user.name(), e);
    }
  }

  private static boolean userExists(Connection c, String user, String host) throws SQLException {
    return !strings(c, "SELECT User FROM mysql.user WHERE User = ? AND Host = ?", user, host)
        .isEmpty();
  }

  /**
   * Every {@code GRANT ... TO original} the server lists, granted to the clone instead (the part
   * after the last {@code TO}, which names the grantee and may carry a password hash, is dropped,
   * as AWS's template does).
   */
  private static void copyGrants(Connection c, String from, String to, String host)
      throws SQLException {
    for (String grant : strings(c, "SHOW GRANTS FOR ?@?", from, host)) {
      int grantee = grant.lastIndexOf(" TO ");
      if (!grant.startsWith("GRANT ") || grantee < 0) {
        continue;
      }
      // the privilege list comes from the server itself; only the grantee is ours, bound
      execute(c, grant.substring(0, grantee) + " TO ?@?", to, host);
    }
  }

  private static void copyTlsRequirement(Connection c, String from, String to, String host)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT ssl_type, ssl_cipher, x509_issuer, x509_subject FROM mysql.user"
                + " WHERE User = ? AND Host = ?")) {
      s.setString(1, from);
      s.setString(2, host);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return;
        }
        String type = r.getString(1) == null ? "" : r.getString(1);
        switch (type) {
          case "" -> execute(c, "ALTER USER ?@? REQUIRE NONE", to, host);
          case "ANY" -> execute(c, "ALTER USER ?@? REQUIRE SSL", to, host);
          case "X509" -> execute(c, "ALTER USER ?@? REQUIRE X509", to, host);
          default ->
              execute(
                  c,
                  "ALTER USER ?@? REQUIRE CIPHER ? AND ISSUER ? AND SUBJECT ?",
                  to,
                  host,
                  r.getString(2),
                  r.getString(3),
                  r.getString(4));
        }
      }
    }
  }

  private static boolean isMariaDb(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductVersion().contains("MariaDB");
  }

  private static void execute(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      s.execute();
    }
  }

  private static List<String> strings(Connection c, String sql, String... parameters)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  private Connection connect(ConnectionSecret s) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", s.username());
    p.setProperty("password", s.password());
    p.setProperty("connectTimeout", Long.toString(settings.timeout().toMillis()));
    p.setProperty("socketTimeout", Long.toString(settings.timeout().toMillis() * 6));
    // client-side prepared statements: the driver quotes each parameter into the statement text,
    // which is what lets a user name or host be a parameter of CREATE USER and GRANT
    p.setProperty("useServerPrepStmts", "false");
    if (settings.useTls(s)) {
      p.setProperty("sslMode", "verify-full");
      settings.caBundle().ifPresent(ca -> p.setProperty("serverSslCert", ca.toString()));
    } else {
      p.setProperty("sslMode", "disable");
    }
    String url =
        "jdbc:mariadb://"
            + s.urlHost()
            + ":"
            + s.port()
            + "/"
            + s.database()
                .map(db -> java.net.URLEncoder.encode(db, java.nio.charset.StandardCharsets.UTF_8))
                .orElse("");
    // the driver directly, not DriverManager (see PostgresEngine)
    Connection c = new org.mariadb.jdbc.Driver().connect(url, p);
    if (c == null) {
      throw new SQLException("URL not accepted", "08001");
    }
    return c;
  }

  private static String name(ConnectionSecret s) {
    return s.engine() == Engine.MARIADB ? "mariadb" : "mysql";
  }

  private static String code(SQLException e) {
    return e.getErrorCode() != 0
        ? "error " + e.getErrorCode()
        : e.getSQLState() == null ? "no SQL state" : e.getSQLState();
  }

  private static DatabaseCommandException failed(
      ConnectionSecret s, String operation, String user, SQLException e) {
    return new DatabaseCommandException(
        name(s) + "@" + s.host() + ":" + s.port(), operation, user, code(e));
  }
}
