package dev.keyturn.local.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * PostgreSQL from the Debian package, as a process of this JVM on 127.0.0.1 (a free port) with a
 * temporary data directory: {@code initdb}, then {@code postgres} with TLS on (the shared test CA),
 * every statement logged ({@code log_statement=all}) into {@link #log()}, and durability off.
 * Authentication is SCRAM-SHA-256; members of {@link #TLS_ONLY_ROLE} are refused without TLS.
 * Passwords this class sets go as SCRAM verifiers computed by the JDBC driver, so the statement log
 * never shows one.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String NAME = "postgresql";
  public static final String ADMIN = "keyturn_admin";

  /** Roles granted this one may log in over TLS only (pg_hba {@code hostnossl ... reject}). */
  public static final String TLS_ONLY_ROLE = "keyturn_tls_only";

  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);

  private final PostgresProcess process;
  private final String adminPassword;
  private final TestCertificates certificates;
  private boolean stopped;

  private PostgresServer(PostgresProcess process, String adminPassword, TestCertificates tls) {
    this.process = process;
    this.adminPassword = adminPassword;
    this.certificates = tls;
  }

  /** Starts a new server with TLS from {@code tls}; the caller closes it. */
  public static PostgresServer start(TestCertificates tls) {
    PostgresServer server =
        new PostgresServer(
            new PostgresProcess(PostgresProcess.binaries()), AdminPasswords.generate("pg"), tls);
    try {
      server.process.initialise(ADMIN, server.adminPassword, tls, TLS_ONLY_ROLE);
      server.process.launch();
      server.awaitLogin();
      server.admin("postgres", "CREATE ROLE " + TLS_ONLY_ROLE + " NOLOGIN");
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public String host() {
    return LoopbackPorts.HOST;
  }

  public int port() {
    return process.port();
  }

  /** The server's log: every statement, connection and error. */
  public Path log() {
    return process.log();
  }

  public TestCertificates certificates() {
    return certificates;
  }

  public String adminUser() {
    return ADMIN;
  }

  /** The superuser's password. */
  public String adminPassword() {
    return adminPassword;
  }

  /**
   * A new connection; {@code tls} verifies the server against the test CA and its host name.
   *
   * @throws SQLException as the driver reports it (e.g. SQL state 28P01 for a wrong password)
   */
  public Connection connect(String user, String password, String database, boolean tls)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "5");
    p.setProperty("sslmode", tls ? "verify-full" : "disable");
    if (tls) {
      p.setProperty("sslrootcert", certificates.caBundle().toString());
    }
    Connection c =
        new org.postgresql.Driver()
            .connect("jdbc:postgresql://" + host() + ":" + port() + "/" + database, p);
    if (c == null) {
      throw new SQLException("the PostgreSQL driver did not accept the URL");
    }
    return c;
  }

  /** Runs statements as the superuser in {@code database}, each committed. */
  public void admin(String database, String... statements) {
    try (Connection c = connect(ADMIN, adminPassword, database, false);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "admin statement failed: " + e.getSQLState(), e);
    }
  }

  /**
   * Creates a login role whose password is sent as a SCRAM verifier (the driver computes it), so
   * the statement log shows the verifier, never the password.
   */
  public void createLoginRole(String role, String password, String... memberOf) {
    try (Connection c = connect(ADMIN, adminPassword, "postgres", false);
        Statement s = c.createStatement()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      s.execute("CREATE ROLE " + pg.escapeIdentifier(role) + " LOGIN");
      pg.alterUserPassword(role, password.toCharArray(), "scram-sha-256");
      for (String group : memberOf) {
        s.execute("GRANT " + pg.escapeIdentifier(group) + " TO " + pg.escapeIdentifier(role));
      }
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "cannot create role: " + e.getSQLState(), e);
    }
  }

  /** Creates a database owned by {@code owner}. */
  public void createDatabase(String name, String owner) {
    try (Connection c = connect(ADMIN, adminPassword, "postgres", false);
        Statement s = c.createStatement()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      s.execute(
          "CREATE DATABASE " + pg.escapeIdentifier(name) + " OWNER " + pg.escapeIdentifier(owner));
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "cannot create database: " + e.getSQLState(), e);
    }
  }

  /**
   * Back to the state after start: every database but {@code postgres} and the templates dropped
   * (sessions forced off), every role but the superuser, {@link #TLS_ONLY_ROLE} and the built-in
   * {@code pg_*} roles dropped with what it owns, the public schema emptied.
   */
  public void reset() {
    try (Connection c = connect(ADMIN, adminPassword, "postgres", false);
        Statement s = c.createStatement()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      for (String db :
          strings(
              c,
              "SELECT datname FROM pg_database"
                  + " WHERE datname NOT IN ('postgres', 'template0', 'template1')")) {
        s.execute("DROP DATABASE " + pg.escapeIdentifier(db) + " WITH (FORCE)");
      }
      List<String> roles =
          strings(
              c,
              "SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' AND rolname NOT IN ('"
                  + ADMIN
                  + "', '"
                  + TLS_ONLY_ROLE
                  + "')");
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE pid <> pg_backend_pid() AND usename <> '"
              + ADMIN
              + "' AND backend_type = 'client backend'");
      for (String role : roles) {
        s.execute("DROP OWNED BY " + pg.escapeIdentifier(role) + " CASCADE");
        s.execute("DROP ROLE " + pg.escapeIdentifier(role));
      }
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
      s.execute("GRANT ALL ON SCHEMA public TO public");
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "reset failed: " + e.getSQLState(), e);
    }
  }

  /** Stops the server (fast shutdown: sessions are ended) and deletes its directory. */
  @Override
  public synchronized void close() {
    if (!stopped) {
      stopped = true;
      process.stop();
    }
  }

  /** The port opens before recovery ends; wait until a login works. */
  private void awaitLogin() {
    Instant deadline = Instant.now().plus(LOGIN_TIMEOUT);
    while (true) {
      try (Connection c = connect(ADMIN, adminPassword, "postgres", false)) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new ServerStartException(NAME, "does not accept logins; see " + log(), notYet);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ServerStartException(NAME, "interrupted", e);
        }
      }
    }
  }

  private static List<String> strings(Connection c, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(query);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
