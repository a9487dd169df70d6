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

  private static final String ACCOUNT = "postgres";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int ATTEMPTS = 3;

  private final ServerHome home;
  private final ServerAccount account;
  private final Path bin;
  private final Path data;
  private final Path log;
  private final String adminPassword;
  private final TestCertificates certificates;
  private Process process;
  private int port;
  private boolean stopped;

  private PostgresServer(
      ServerHome home,
      ServerAccount account,
      Path bin,
      String adminPassword,
      TestCertificates tls) {
    this.home = home;
    this.account = account;
    this.bin = bin;
    this.data = home.resolve("data");
    this.log = home.resolve("postgres.log");
    this.adminPassword = adminPassword;
    this.certificates = tls;
  }

  /** Starts a new server; the caller closes it. */
  public static PostgresServer start(TestCertificates tls) {
    Path bin = binaries();
    ServerAccount account = ServerAccount.forServer(NAME, ACCOUNT);
    ServerHome home = ServerHome.create("postgres");
    PostgresServer server =
        new PostgresServer(home, account, bin, SeededSecrets.generate("postgres-admin"), tls);
    try {
      server.initialise();
      server.launch();
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
    return port;
  }

  /** The server's log: every statement, connection and error. */
  public Path log() {
    return log;
  }

  public TestCertificates certificates() {
    return certificates;
  }

  public String adminUser() {
    return ADMIN;
  }

  /** The superuser's password (registered with the leak guard). */
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
            .connect("jdbc:postgresql://" + host() + ":" + port + "/" + database, p);
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
    if (stopped) {
      return;
    }
    stopped = true;
    if (process != null && process.isAlive()) {
      try {
        home.run(
            account.command(
                List.of(
                    bin.resolve("pg_ctl").toString(),
                    "stop",
                    "-D",
                    data.toString(),
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    "20")),
            home.resolve("pg_ctl.log"),
            Duration.ofSeconds(30));
      } catch (RuntimeException notStopped) {
        // killed below
      }
      ServerHome.stop(process, Duration.ofSeconds(5));
    }
    home.delete(List.of(log, home.resolve("initdb.log")));
  }

  private void initialise() {
    try {
      Path pwfile = Files.writeString(home.resolve("pwfile"), adminPassword + "\n");
      Path[] tls = certificates.copyTo(home.resolve("tls"));
      account.own(home.root());
      home.run(
          account.command(
              List.of(
                  bin.resolve("initdb").toString(),
                  "-D",
                  data.toString(),
                  "-U",
                  ADMIN,
                  "--pwfile=" + pwfile,
                  "--auth-host=scram-sha-256",
                  "--auth-local=trust",
                  "-E",
                  "UTF8",
                  "--locale=C",
                  "--no-sync")),
          home.resolve("initdb.log"),
          Duration.ofSeconds(120));
      Files.delete(pwfile);
      // only loopback TCP; members of the TLS-only role are refused without TLS
      Files.writeString(
          data.resolve("pg_hba.conf"),
          String.join(
              "\n",
              "local all all trust",
              "hostnossl all +" + TLS_ONLY_ROLE + " 127.0.0.1/32 reject",
              "host all all 127.0.0.1/32 scram-sha-256",
              ""));
      Files.writeString(data.resolve("keyturn-tls.conf"), tlsSettings(tls));
      Files.writeString(
          data.resolve("postgresql.conf"),
          "\ninclude 'keyturn-tls.conf'\n",
          java.nio.file.StandardOpenOption.APPEND);
      account.own(home.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the PostgreSQL data directory", e);
    }
  }

  private static String tlsSettings(Path[] tls) {
    return "ssl = on\nssl_cert_file = '" + tls[1] + "'\nssl_key_file = '" + tls[2] + "'\n";
  }

  private void launch() {
    for (int attempt = 1; ; attempt++) {
      port = LoopbackPorts.free();
      process = home.launch(account.command(serverCommand()), log);
      if (home.awaitPort(process, port, START_TIMEOUT, log)) {
        awaitAcceptingConnections();
        return;
      }
      if (attempt == ATTEMPTS || !ServerHome.mentions(log, "could not bind")) {
        throw new ServerStartException(NAME, "exited before listening; see " + log);
      }
    }
  }

  private List<String> serverCommand() {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve("postgres").toString());
    command.addAll(List.of("-D", data.toString(), "-p", Integer.toString(port)));
    for (String setting :
        List.of(
            "listen_addresses=" + LoopbackPorts.HOST,
            "unix_socket_directories=" + home.root(),
            "log_statement=all",
            "log_connections=on",
            "log_line_prefix=%m [%p] %q%u@%d ",
            "password_encryption=scram-sha-256",
            "max_connections=200",
            "shared_buffers=32MB",
            "fsync=off",
            "synchronous_commit=off",
            "full_page_writes=off")) {
      command.add("-c");
      command.add(setting);
    }
    return command;
  }

  /** The port opens before recovery ends; wait until a login works. */
  private void awaitAcceptingConnections() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      try (Connection c = connect(ADMIN, adminPassword, "postgres", false)) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new ServerStartException(NAME, "does not accept logins; see " + log, notYet);
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

  /** The bin directory of the newest installed major version (Debian layout), else from PATH. */
  static Path binaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (var versions = Files.list(debian)) {
        var newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                .max((a, b) ->
                    Integer.compare(
                        major(a.getFileName().toString()), major(b.getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      } catch (IOException unreadable) {
        // fall through to PATH
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir);
        if (Files.isExecutable(candidate.resolve("initdb"))
            && Files.isExecutable(candidate.resolve("postgres"))) {
          return candidate;
        }
      }
    }
    throw new ServerNotInstalledException("postgresql", "PostgreSQL's initdb");
  }

  private static int major(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException notAVersion) {
      return -1;
    }
  }
}
