package dev.keyturn.testing.db;

import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import java.util.Optional;
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

  private static final String ACCOUNT = "mysql";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final int ATTEMPTS = 3;
  private static final List<String> SYSTEM_USERS =
      List.of(ADMIN, "root", "mariadb.sys", "mysql", "PUBLIC", "");
  private static final List<String> SYSTEM_DATABASES =
      List.of("mysql", "information_schema", "performance_schema", "sys");

  private final ServerHome home;
  private final ServerAccount account;
  private final Path server;
  private final Path installer;
  private final String adminPassword;
  private final TestCertificates certificates;
  private Process process;
  private int port;
  private boolean stopped;

  private MariaDbServer(
      ServerHome home,
      ServerAccount account,
      Path server,
      Path installer,
      String adminPassword,
      TestCertificates certificates) {
    this.home = home;
    this.account = account;
    this.server = server;
    this.installer = installer;
    this.adminPassword = adminPassword;
    this.certificates = certificates;
  }

  /** Starts a new server; the caller closes it. */
  public static MariaDbServer start(TestCertificates tls) {
    Path server = find("mariadbd", "/usr/sbin/mariadbd");
    Path installer = find("mariadb-install-db", "/usr/bin/mariadb-install-db");
    ServerAccount account = ServerAccount.forServer(NAME, ACCOUNT);
    MariaDbServer db =
        new MariaDbServer(
            ServerHome.create("mariadb"),
            account,
            server,
            installer,
            SeededSecrets.generate("mariadb-admin"),
            tls);
    try {
      db.initialise();
      db.launch();
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
    return port;
  }

  /** Every statement the server received, with the connecting user. */
  public Path generalLog() {
    return home.resolve("general.log");
  }

  public Path errorLog() {
    return home.resolve("error.log");
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
    String url = "jdbc:mariadb://" + host() + ":" + port + "/" + (database == null ? "" : database);
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
    if (stopped) {
      return;
    }
    stopped = true;
    if (process != null) {
      ServerHome.stop(process, Duration.ofSeconds(20));
    }
    home.delete(List.of(generalLog(), errorLog(), home.resolve("install.log")));
  }

  private void initialise() {
    try {
      Path[] tls = certificates.copyTo(home.resolve("tls"));
      // the administrator, created at every start from its hash (never the password)
      Files.writeString(
          home.resolve("init.sql"),
          "CREATE USER IF NOT EXISTS '"
              + ADMIN
              + "'@'%' IDENTIFIED BY PASSWORD '"
              + PasswordVerifiers.mysqlNative(adminPassword)
              + "';\nGRANT ALL PRIVILEGES ON *.* TO '"
              + ADMIN
              + "'@'%' WITH GRANT OPTION;\n");
      Files.writeString(home.resolve("tls.cnf"), tlsOptions(tls));
      account.own(home.root());
      List<String> install = new ArrayList<>();
      install.addAll(
          List.of(
              installer.toString(),
              "--no-defaults",
              "--datadir=" + home.resolve("data"),
              "--skip-test-db"));
      account.switchTo().ifPresent(user -> install.add("--user=" + user));
      home.run(install, home.resolve("install.log"), Duration.ofSeconds(120));
      account.own(home.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the MariaDB data directory", e);
    }
  }

  private static String tlsOptions(Path[] tls) {
    return "--ssl-ca=" + tls[0] + "\n--ssl-cert=" + tls[1] + "\n--ssl-key=" + tls[2] + "\n";
  }

  private void launch() {
    for (int attempt = 1; ; attempt++) {
      port = LoopbackPorts.free();
      process = home.launch(serverCommand(), home.resolve("mariadbd.out"));
      if (home.awaitPort(process, port, START_TIMEOUT, errorLog())) {
        awaitLogin();
        return;
      }
      if (attempt == ATTEMPTS || !ServerHome.mentions(errorLog(), "Address already in use")) {
        throw new ServerStartException(NAME, "exited before listening; see " + errorLog());
      }
    }
  }

  private List<String> serverCommand() {
    List<String> command = new ArrayList<>();
    command.add(server.toString());
    command.add("--no-defaults");
    command.add("--datadir=" + home.resolve("data"));
    command.add("--port=" + port);
    command.add("--bind-address=" + LoopbackPorts.HOST);
    command.add("--socket=" + home.resolve("mysqld.sock"));
    command.add("--pid-file=" + home.resolve("mysqld.pid"));
    account.switchTo().ifPresent(user -> command.add("--user=" + user));
    command.add("--skip-name-resolve");
    command.add("--general-log=1");
    command.add("--general-log-file=" + generalLog());
    command.add("--log-error=" + errorLog());
    command.add("--init-file=" + home.resolve("init.sql"));
    command.addAll(readTlsOptions());
    command.add("--innodb-buffer-pool-size=32M");
    command.add("--innodb-flush-log-at-trx-commit=0");
    command.add("--skip-log-bin");
    command.add("--performance-schema=OFF");
    command.add("--max-connections=300");
    return command;
  }

  private List<String> readTlsOptions() {
    try {
      return Files.readAllLines(home.resolve("tls.cnf"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS options", e);
    }
  }

  private void awaitLogin() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      try (Connection c = connect(ADMIN, adminPassword, null, false)) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline) || !process.isAlive()) {
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

  static Path find(String name, String debianPath) {
    Path debian = Path.of(debianPath);
    if (Files.isExecutable(debian)) {
      return debian;
    }
    return onPath(name)
        .orElseThrow(() -> new ServerNotInstalledException("mariadb-server", "MariaDB's " + name));
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
        return Optional.of(Path.of(dir, name));
      }
    }
    return Optional.empty();
  }
}
