package dev.keyturn.rotate.database.postgres;

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
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * PostgreSQL through the official JDBC driver. Passwords are never sent as text in a statement:
 * {@code PGConnection.alterUserPassword} sends {@code ALTER USER ... PASSWORD '<verifier>'} with
 * the SCRAM-SHA-256 verifier the driver computes (or MD5 where the server's {@code
 * password_encryption} says so), so a {@code log_statement=all} log shows the verifier only.
 * Identifiers are quoted by {@code PGConnection.escapeIdentifier}; lookups bind parameters.
 * Creating a clone is one transaction ({@code CREATE ROLE}, {@code GRANT}, password): all or
 * nothing.
 */
public final class PostgresEngine implements DatabaseEngine {

  private static final String DEFAULT_DATABASE = "postgres";

  /** SQL states of a refused login: bad password, no such role / pg_hba refusal. */
  private static final Set<String> REFUSED = Set.of("28P01", "28000");

  private final DatabaseSettings settings;

  public PostgresEngine(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public Set<Engine> engines() {
    return Set.of(Engine.POSTGRES);
  }

  @Override
  public boolean canLogin(ConnectionSecret credential) {
    try (Connection c = connect(credential);
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      if (REFUSED.contains(e.getSQLState())) {
        return false;
      }
      throw unavailable(credential, e);
    }
  }

  @Override
  public void changeOwnPassword(ConnectionSecret credential, String newPassword) {
    try (Connection c = connect(credential)) {
      c.unwrap(PGConnection.class)
          .alterUserPassword(credential.username(), newPassword.toCharArray(), null);
    } catch (SQLException e) {
      throw failed(credential, "set own password", credential.username(), e);
    }
  }

  @Override
  public void setPassword(ConnectionSecret master, UserChange user) {
    try (Connection c = connect(master)) {
      c.setAutoCommit(false);
      PGConnection pg = c.unwrap(PGConnection.class);
      try (Statement s = c.createStatement()) {
        boolean exists = roleExists(c, user.name());
        if (!exists) {
          s.execute("CREATE ROLE " + pg.escapeIdentifier(user.name()) + " LOGIN");
        }
        if (!exists || user.mirror()) {
          // membership: the clone has whatever the original has, now and later
          s.execute(
              "GRANT "
                  + pg.escapeIdentifier(user.rightsOf())
                  + " TO "
                  + pg.escapeIdentifier(user.name()));
        }
        pg.alterUserPassword(user.name(), user.newPassword().toCharArray(), null);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(master, "set password", user.name(), e);
    }
  }

  private static boolean roleExists(Connection c, String role) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, role);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private Connection connect(ConnectionSecret s) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", s.username());
    p.setProperty("password", s.password());
    p.setProperty("ApplicationName", "keyturn-rotate");
    p.setProperty("connectTimeout", Long.toString(settings.timeout().toSeconds()));
    p.setProperty("loginTimeout", Long.toString(settings.timeout().toSeconds() * 2));
    p.setProperty("socketTimeout", Long.toString(settings.timeout().toSeconds() * 6));
    if (settings.useTls(s)) {
      p.setProperty("sslmode", "verify-full");
      settings
          .caBundle()
          .ifPresentOrElse(
              ca -> p.setProperty("sslrootcert", ca.toString()),
              () -> p.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"));
    } else {
      p.setProperty("sslmode", "disable");
    }
    String database = s.database().orElse(DEFAULT_DATABASE);
    // the driver is used directly, not through DriverManager, which cannot see drivers of a
    // class loader other than the caller's (the Lambda runtime loads the function in its own)
    Connection c =
        new org.postgresql.Driver()
            .connect(
                "jdbc:postgresql://" + s.urlHost() + ":" + s.port() + "/" + urlPath(database), p);
    if (c == null) {
      throw new SQLException("URL not accepted", "08001");
    }
    return c;
  }

  private static String urlPath(String database) {
    return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static DatabaseUnavailableException unavailable(ConnectionSecret s, SQLException e) {
    return new DatabaseUnavailableException(
        "postgres", s.host(), s.port(), e.getSQLState() == null ? "no SQL state" : e.getSQLState());
  }

  private static DatabaseCommandException failed(
      ConnectionSecret s, String operation, String user, SQLException e) {
    if (REFUSED.contains(e.getSQLState())) {
      return new DatabaseCommandException(
          "postgres@" + s.host() + ":" + s.port(),
          operation + " (login refused)",
          user,
          e.getSQLState());
    }
    return new DatabaseCommandException(
        "postgres@" + s.host() + ":" + s.port(),
        operation,
        user,
        e.getSQLState() == null ? "no SQL state" : e.getSQLState());
  }
}
