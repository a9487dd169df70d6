package dev.keyturn.local.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MariaDB process behind {@link MariaDbServer}: {@code mariadb-install-db} into a temporary
 * directory, an init file that creates the administrator from its hash at every start, and {@code
 * mariadbd} on a free port (as the {@code mysql} account when run as root) with TLS, the general
 * query log and the error log in the directory.
 */
final class MariaDbProcess {

  private static final String ACCOUNT = "mysql";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final int ATTEMPTS = 3;

  private final ServerHome home = ServerHome.create("mariadb");
  private final ServerAccount account = ServerAccount.forServer(MariaDbServer.NAME, ACCOUNT);
  private final Path server = find("mariadbd", "/usr/sbin/mariadbd");
  private final Path installer = find("mariadb-install-db", "/usr/bin/mariadb-install-db");
  private List<String> tlsOptions = List.of();
  private Process process;
  private int port;

  int port() {
    return port;
  }

  Path generalLog() {
    return home.resolve("general.log");
  }

  Path errorLog() {
    return home.resolve("error.log");
  }

  /** The data directory, and the administrator ({@code admin}@'%', all privileges) by hash. */
  void initialise(String admin, String adminPasswordHash, TestCertificates tls) {
    try {
      Path[] certificates = tls.copyTo(home.resolve("tls"));
      tlsOptions =
          List.of(
              "--ssl-ca=" + certificates[0],
              "--ssl-cert=" + certificates[1],
              "--ssl-key=" + certificates[2]);
      Files.writeString(
          home.resolve("init.sql"),
          "CREATE USER IF NOT EXISTS '"
              + admin
              + "'@'%' IDENTIFIED BY PASSWORD '"
              + adminPasswordHash
              + "';\nGRANT ALL PRIVILEGES ON *.* TO '"
              + admin
              + "'@'%' WITH GRANT OPTION;\n");
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

  /** Starts mariadbd and returns once it listens; retries on another port if one was taken. */
  void launch() {
    for (int attempt = 1; ; attempt++) {
      port = LoopbackPorts.free();
      process = home.launch(command(), home.resolve("mariadbd.out"));
      if (home.awaitPort(process, port, START_TIMEOUT, errorLog())) {
        return;
      }
      if (attempt == ATTEMPTS || !ServerHome.mentions(errorLog(), "Address already in use")) {
        throw new ServerStartException(
            MariaDbServer.NAME, "exited before listening; see " + errorLog());
      }
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGTERM (a clean shutdown), then the directory is deleted (logs kept in target/). */
  void stop() {
    if (process != null) {
      ServerHome.stop(process, Duration.ofSeconds(20));
    }
    home.delete(List.of(generalLog(), errorLog(), home.resolve("install.log")));
  }

  private List<String> command() {
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
    command.addAll(tlsOptions);
    command.add("--innodb-buffer-pool-size=32M");
    command.add("--innodb-flush-log-at-trx-commit=0");
    command.add("--skip-log-bin");
    command.add("--performance-schema=OFF");
    command.add("--max-connections=300");
    return command;
  }

  private static Path find(String name, String debianPath) {
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
