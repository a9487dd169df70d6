package dev.keyturn.local.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL process behind {@link PostgresServer}: the binaries of the newest installed major
 * version, {@code initdb} into a temporary directory, the configuration (loopback only, TLS, every
 * statement logged, durability off), {@code postgres} on a free port (another port when one was
 * taken meanwhile), and {@code pg_ctl stop -m fast}.
 */
final class PostgresProcess {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int ATTEMPTS = 3;
  private static final String ACCOUNT = "postgres";

  private final ServerHome home = ServerHome.create("postgres");
  private final ServerAccount account = ServerAccount.forServer(PostgresServer.NAME, ACCOUNT);
  private final Path bin;
  private final Path data = home.resolve("data");
  private Process process;
  private int port;

  PostgresProcess(Path bin) {
    this.bin = bin;
  }

  int port() {
    return port;
  }

  Path log() {
    return home.resolve("postgres.log");
  }

  /** initdb with {@code admin} as the superuser, then the configuration files. */
  void initialise(String admin, String adminPassword, TestCertificates tls, String tlsOnlyRole) {
    try {
      Path pwfile = Files.writeString(home.resolve("pwfile"), adminPassword + "\n");
      Path[] certificates = tls.copyTo(home.resolve("tls"));
      account.own(home.root());
      home.run(
          account.command(
              List.of(
                  bin.resolve("initdb").toString(),
                  "-D",
                  data.toString(),
                  "-U",
                  admin,
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
              "hostnossl all +" + tlsOnlyRole + " 127.0.0.1/32 reject",
              "host all all 127.0.0.1/32 scram-sha-256",
              ""));
      Files.writeString(
          data.resolve("keyturn-tls.conf"),
          "ssl = on\nssl_cert_file = '"
              + certificates[1]
              + "'\nssl_key_file = '"
              + certificates[2]
              + "'\n");
      Files.writeString(
          data.resolve("postgresql.conf"),
          "\ninclude 'keyturn-tls.conf'\n",
          StandardOpenOption.APPEND);
      account.own(home.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the PostgreSQL data directory", e);
    }
  }

  /** Starts postgres and returns once it listens; retries on another port if one was taken. */
  void launch() {
    for (int attempt = 1; ; attempt++) {
      port = LoopbackPorts.free();
      process = home.launch(account.command(command()), log());
      if (home.awaitPort(process, port, START_TIMEOUT, log())) {
        return;
      }
      if (attempt == ATTEMPTS || !ServerHome.mentions(log(), "could not bind")) {
        throw new ServerStartException(
            PostgresServer.NAME, "exited before listening; see " + log());
      }
    }
  }

  /** Fast shutdown (sessions are ended), then the directory is deleted (logs kept in target/). */
  void stop() {
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
    home.delete(List.of(log(), home.resolve("initdb.log")));
  }

  private List<String> command() {
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

  /** The bin directory of the newest installed major version (Debian layout), else from PATH. */
  static Path binaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (var versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                .max((a, b) -> Integer.compare(major(a), major(b)));
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

  private static int major(Path version) {
    try {
      return Integer.parseInt(version.getFileName().toString());
    } catch (NumberFormatException notAVersion) {
      return -1;
    }
  }
}
