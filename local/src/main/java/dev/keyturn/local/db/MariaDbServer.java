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

/**
 * MariaDB from the Debian package ({@code mariadb-server}), as a process of this JVM on 127.0.0.1
 * (a free port) with a temporary data directory: {@code mariadb-install-db}, then {@code mariadbd}
 * with TLS available (the shared test CA) and the general query log on ({@link #generalLog()}).
 * Users this class creates get {@code IDENTIFIED BY PASSWORD '*<hash>'}, so the general log never
 * shows a password.
 */
public final class MariaDbServer implements AutoCloseable {

  public static final String NAME = "mariadb";
  public static final String ADMIN = "keyturn_admin";

  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> SYSTEM_USERS =
      List.of(ADMIN, "root", "mariadb.sys", "mysql", "PUBLIC", "");
  private static final List<String> SYSTEM_DATABASES =
      List.of("mysql", "information_schema", "performance_schema", "sys");

  private final MariaDbProcess process;
  private final String adminPassword;
  private final TestCertificates certificates;
  private boolean stopped;

  private MariaDbServer(MariaDbProcess process, String adminPassword, TestCertificates tls) {
    this.process = process;
    this.adminPassword = adminPassword;
    this.certificates = tls;
  }

  /** Starts a new server with TLS from {@code tls}; the caller closes it. */
  public static MariaDbServer start(TestCertificates tls) {
    MariaDbServer db =
        new MariaDbServer(new MariaDbProcess(), AdminPasswords.generate("mariadb"), tls);
    try {
      db.process.initialise(ADMIN, PasswordVerifiers.mysqlNative(db.adminPassword), tls);
      db.process.launch();
      db.awaitLogin();
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public String host() {
    return LoopbackPorts.HOST;
  }

  public int port() {
    return process.port();
  }

  /** Every statement the server received, with the connecting user. */
  public Path generalLog() {
    return process.generalLog();
  }

  public Path errorLog() {
    return process.errorLog();
  }

  public TestCertificates certificates() {
    return certificates;
  }

  public String adminUser() {
    return ADMIN;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /**
   * A new connection ({@code database} may be null); {@code tls} verifies the server against the
   * test CA and its host name.
   */
  public Connection connect(String user, String password, String database, boolean tls)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "5000");
    p.setProperty("sslMode", tls ? "verify-full" : "disable");
    if (tls) {
      p.setProperty("serverSslCert", certificates.caBundle().toString());
    }
    String url =
        "jdbc:mariadb://" + host() + ":" + port() + "/" + (database == null ? "" : database);
    Connection c = new org.mariadb.jdbc.Driver().connect(url, p);
    if (c == null) {
      throw new SQLException("the MariaDB driver did not accept the URL");
    }
    return c;
  }

  /** Runs statements as the administrator. */
  public void admin(String... statements) {
    try (Connection c = connect(ADMIN, adminPassword, null, false);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "admin statement failed: " + e.getSQLState(), e);
    }
  }

  /** Creates {@code 'user'@'%'} with the hash of {@code password} (never the password itself). */
  public void createUser(String user, String password) {
    try (Connection c = connect(ADMIN, adminPassword, null, false);
        PreparedStatement s = c.prepareStatement("CREATE USER ?@'%' IDENTIFIED BY PASSWORD ?")) {
      s.setString(1, user);
      s.setString(2, PasswordVerifiers.mysqlNative(password));
      s.execute();
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "cannot create user: " + e.getSQLState(), e);
    }
  }

  /**
   * Back to the state after start: sessions of other users killed, every user and role but the
   * administrator and the built-in ones dropped, every non-system database dropped.
   */
  public void reset() {
    try (Connection c = connect(ADMIN, adminPassword, null, false);
        Statement s = c.createStatement()) {
      for (String id :
          strings(
              c,
              "SELECT ID FROM information_schema.PROCESSLIST WHERE USER NOT IN ('"
                  + ADMIN
                  + "', 'system user', 'event_scheduler') AND ID <> CONNECTION_ID()")) {
        try {
          s.execute("KILL " + Long.parseLong(id));
        } catch (SQLException alreadyGone) {
          // the session ended meanwhile
        }
      }
      try (PreparedStatement users =
              c.prepareStatement("SELECT User, Host, is_role FROM mysql.user");
          ResultSet r = users.executeQuery()) {
        List<String[]> drop = new ArrayList<>();
        while (r.next()) {
          if (!SYSTEM_USERS.contains(r.getString(1))) {
            drop.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
          }
        }
        for (String[] u : drop) {
          boolean role = "Y".equals(u[2]);
          try (PreparedStatement d = c.prepareStatement(role ? "DROP ROLE ?" : "DROP USER ?@?")) {
            d.setString(1, u[0]);
            if (!role) {
              d.setString(2, u[1]);
            }
            d.execute();
          }
        }
      }
      for (String db : strings(c, "SHOW DATABASES")) {
        if (!SYSTEM_DATABASES.contains(db)) {
          s.execute("DROP DATABASE `" + db.replace("`", "``") + "`");
        }
      }
    } catch (SQLException e) {
      throw new ServerStartException(NAME, "reset failed: " + e.getSQLState(), e);
    }
  }

  /** Stops the server (SIGTERM: a clean shutdown) and deletes its directory. */
  @Override
  public synchronized void close() {
    if (!stopped) {
      stopped = true;
      process.stop();
    }
  }

  private void awaitLogin() {
    Instant deadline = Instant.now().plus(LOGIN_TIMEOUT);
    while (true) {
      try (Connection c = connect(ADMIN, adminPassword, null, false)) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline) || !process.alive()) {
          throw new ServerStartException(NAME, "does not accept logins; see " + errorLog(), notYet);
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
