package dev.keyturn.testing.db;

import dev.keyturn.local.db.MariaDbServer;
import dev.keyturn.local.db.PostgresServer;
import dev.keyturn.local.db.RedisServer;
import dev.keyturn.local.db.ServerNotInstalledException;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The JVM-wide PostgreSQL, MariaDB and Redis servers of the tests: each started on first use (with
 * TLS from the shared test CA, its administrator's password registered with the leak guard) and
 * stopped by a shutdown hook. A server whose package is missing skips the test that asked for it,
 * or fails it when the environment says {@code KEYTURN_DATABASES=required} (CI).
 */
public final class DatabaseServers {

  /** Set to {@value #REQUIRED} where a missing server must fail the build (bin/test sets it). */
  public static final String REQUIRE_VARIABLE = "KEYTURN_DATABASES";

  public static final String REQUIRED = "required";

  private static final Object LOCK = new Object();
  private static PostgresServer postgres;
  private static MariaDbServer mariadb;
  private static RedisServer redis;
  private static boolean hookAdded;

  private DatabaseServers() {}

  public static PostgresServer postgres() {
    synchronized (LOCK) {
      if (postgres == null) {
        postgres = started(() -> PostgresServer.start(TestCertificates.shared()));
        SeededSecrets.register(postgres.adminPassword());
      }
      return postgres;
    }
  }

  public static MariaDbServer mariadb() {
    synchronized (LOCK) {
      if (mariadb == null) {
        mariadb = started(() -> MariaDbServer.start(TestCertificates.shared()));
        SeededSecrets.register(mariadb.adminPassword());
      }
      return mariadb;
    }
  }

  public static RedisServer redis() {
    synchronized (LOCK) {
      if (redis == null) {
        redis = started(() -> RedisServer.start(TestCertificates.shared()));
        SeededSecrets.register(redis.adminPassword());
      }
      return redis;
    }
  }

  /** Resets every server started so far (users, databases, keys). */
  public static void resetStarted() {
    synchronized (LOCK) {
      if (postgres != null) {
        postgres.reset();
      }
      if (mariadb != null) {
        mariadb.reset();
      }
      if (redis != null) {
        redis.reset();
      }
    }
  }

  /** The server-written logs of every server started so far, by a label naming each. */
  public static Map<String, Path> startedLogs() {
    Map<String, Path> logs = new LinkedHashMap<>();
    synchronized (LOCK) {
      if (postgres != null) {
        logs.put("postgresql statement log", postgres.log());
      }
      if (mariadb != null) {
        logs.put("mariadb general log", mariadb.generalLog());
        logs.put("mariadb error log", mariadb.errorLog());
      }
      if (redis != null) {
        logs.put("redis log", redis.log());
      }
    }
    return logs;
  }

  /** Whether a missing server fails (true) or skips (false) the test. */
  public static boolean required() {
    return REQUIRED.equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
  }

  private static <T extends AutoCloseable> T started(Supplier<T> start) {
    T server;
    try {
      server = start.get();
    } catch (ServerNotInstalledException missing) {
      if (required()) {
        throw missing;
      }
      Assumptions.abort(missing.getMessage());
      throw missing; // not reached: abort always throws
    }
    addShutdownHook();
    return server;
  }

  private static void addShutdownHook() {
    if (hookAdded) {
      return;
    }
    hookAdded = true;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(DatabaseServers::stopAll, "database-servers-shutdown"));
  }

  private static void stopAll() {
    List<AutoCloseable> servers = new ArrayList<>();
    synchronized (LOCK) {
      servers.add(postgres);
      servers.add(mariadb);
      servers.add(redis);
    }
    servers.parallelStream()
        .filter(java.util.Objects::nonNull)
        .forEach(s -> {
          try {
            s.close();
          } catch (Exception ignored) {
            // stopping at exit must not stop the others
          }
        });
  }
}
